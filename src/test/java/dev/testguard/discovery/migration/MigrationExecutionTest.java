package dev.testguard.discovery.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationExecutionTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private DiscoveredUrl url(MigrationExecution e) {
        return e.url(ProjectLayout.standard(dir)).orElseThrow();
    }

    private static MigrationExecution.MigrationPom pom(String url) {
        return new MigrationExecution.MigrationPom(url, new Provenance(Provenance.Kind.POM, "pom.xml:20 <url>", null, 20, "x"));
    }

    @Test
    void flywayConfFilesLaterOnesWin() throws IOException {
        Path base = write("flyway.conf", "flyway.url=jdbc:postgresql://localhost/base\nflyway.user=app\n");
        Path local = write("conf/local.conf", "# local\nflyway.url=jdbc:postgresql://localhost/shop\nflyway.password=pw\n");
        DiscoveredUrl u = url(new MigrationExecution("flyway-maven-plugin", "migrate-db", List.of("migrate"), null, null, null,
                List.of(base, local, dir.resolve("missing.conf")), false));
        assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/shop");
        assertThat(u.key()).isEqualTo("flyway.url");
        assertThat(u.provenance().location()).isEqualTo("conf/local.conf:2");
        assertThat(u.provenance().howToChange()).contains("migrate-db").contains("conf/local.conf");
        assertThat(u.credentials()).isEqualTo(new Credentials("app", "pw"));
    }

    @Test
    void flywayTomlReadsTheSelectedEnvironment() throws IOException {
        Path toml = write("flyway.toml", """
                [environments.default]
                url = "jdbc:h2:mem:default"

                [environments.shop]
                url = "jdbc:mariadb://localhost:3306/shop"   # the real one
                user = 'root'

                [flyway]
                environment = "shop"
                """);
        DiscoveredUrl u = url(new MigrationExecution("flyway-maven-plugin", "m", List.of("clean"), null, null, null,
                List.of(toml), false));
        assertThat(u.url()).isEqualTo("jdbc:mariadb://localhost:3306/shop");
        assertThat(u.provenance().location()).isEqualTo("flyway.toml:5");
        assertThat(u.credentials().username()).isEqualTo("root");
    }

    @Test
    void pomUrlWinsOverFlywayFilesButLiquibaseFilesCanOverride() throws IOException {
        Path conf = write("flyway.conf", "flyway.url=jdbc:postgresql://localhost/from_file\n");
        assertThat(url(new MigrationExecution("flyway-maven-plugin", "m", List.of("migrate"), pom("jdbc:h2:mem:pom"),
                null, null, List.of(conf), false)).url()).isEqualTo("jdbc:h2:mem:pom");
        Path props = write("liquibase.properties", "changeLogFile=db.xml\nurl=jdbc:postgresql://localhost/lb\nusername=lb\n");
        MigrationExecution liquibase = new MigrationExecution("liquibase-maven-plugin", "update-db", List.of("update"),
                pom("jdbc:h2:mem:pom"), "pomuser", null, List.of(props), true);
        DiscoveredUrl u = url(liquibase);
        assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/lb");
        assertThat(u.key()).isEqualTo("url");
        assertThat(u.provenance().location()).isEqualTo("liquibase.properties:2");
        assertThat(u.credentials().username()).isEqualTo("lb");
    }

    @Test
    void nothingNamedNothingFound() {
        assertThat(new MigrationExecution("flyway-maven-plugin", "m", List.of("migrate"), null, null, null,
                List.of(dir.resolve("flyway.conf")), false).url(ProjectLayout.standard(dir))).isEmpty();
    }
}
