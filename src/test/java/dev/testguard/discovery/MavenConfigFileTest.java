package dev.testguard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.surefire.BuildProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenConfigFileTest {

    @TempDir
    Path root;

    @Test
    void propertiesOfMavenConfigAreReportedWithTheirLine() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/maven.config"), """
                -B
                -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost/shop -Dother=1
                --define app.url=jdbc:mysql://localhost/x
                """);
        Map<String, String> user = Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost/shop",
                "other", "typed-on-the-command-line", "app.url", "jdbc:mysql://localhost/x");
        Map<String, Provenance> origins = MavenConfigFile.origins(root, user);

        assertThat(origins.get("quarkus.datasource.jdbc.url").location()).isEqualTo(".mvn/maven.config:2");
        assertThat(origins.get("quarkus.datasource.jdbc.url").howToChange()).contains(".mvn/maven.config");
        assertThat(origins.get("app.url").location()).isEqualTo(".mvn/maven.config:3");
        assertThat(origins).doesNotContainKey("other");

        BuildProperties build = new BuildProperties(user, Map.of(), Map.of(), Map.of(), origins);
        assertThat(build.userPropertyOrigin("app.url").location()).isEqualTo(".mvn/maven.config:3");
        assertThat(build.userPropertyOrigin("other").location()).isEqualTo("command line -Dother");
    }

    @Test
    void noFileNoOrigins() {
        assertThat(MavenConfigFile.origins(root, Map.of("a", "b"))).isEmpty();
        assertThat(MavenConfigFile.origins(null, Map.of())).isEmpty();
    }
}
