package dev.testguard.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeUrlSourceTest {

    @TempDir
    Path dir;

    private final RuntimeUrlSource source = new RuntimeUrlSource();

    @Test
    void reportsEverySystemPropertyHoldingAJdbcUrl() {
        List<DiscoveredUrl> found = new ProjectTree(dir)
                .sysprop("app.db", " jdbc:postgresql://localhost/app_test ")
                .sysprop("user.name", "alice")
                .sysprop("note", "see jdbc:postgresql://h/x")
                .discover(source);
        assertThat(found).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("app.db");
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/app_test");
            assertThat(u.provenance().location()).isEqualTo("command line -Dapp.db");
            assertThat(u.testRun()).isEqualTo(ProjectTree.RUN);
        });
    }

    @Test
    void convertsUrlStyleEnvironmentValuesAndKeepsTheirCredentialsOutOfTheUrl() {
        List<DiscoveredUrl> found = new ProjectTree(dir)
                .env("DATABASE_URL", "postgres://app:s3cret@db.example.com:5432/orders")
                .env("HOME", "/root")
                .discover(source);
        assertThat(found).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://db.example.com:5432/orders").doesNotContain("s3cret");
            assertThat(u.credentials()).isEqualTo(new Credentials("app", "s3cret"));
            assertThat(u.provenance().location()).isEqualTo("environment variable DATABASE_URL");
        });
    }

    @Test
    void takesHerokuStyleCredentialsFromNeighbouringVariables() {
        List<DiscoveredUrl> found = new ProjectTree(dir)
                .env("JDBC_DATABASE_URL", "jdbc:postgresql://localhost/app_test")
                .env("JDBC_DATABASE_USERNAME", "app")
                .env("JDBC_DATABASE_PASSWORD", "pw")
                .discover(source);
        assertThat(found).singleElement().extracting(DiscoveredUrl::credentials).isEqualTo(new Credentials("app", "pw"));
    }

    @Test
    void leavesSpringVariablesToTheSpringSourceWhenTheProjectUsesSpringBoot() {
        ProjectTree tree = new ProjectTree(dir)
                .env("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost/billing")
                .env("DATABASE_URL", "jdbc:postgresql://localhost/other");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::key)
                .containsExactlyInAnyOrder("SPRING_DATASOURCE_URL", "DATABASE_URL");
        tree.dependencies("org.springframework.boot:spring-boot");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::key).containsExactly("DATABASE_URL");
    }

    @Test
    void leavesQuarkusVariablesIncludingProfiledOnesToTheQuarkusSource() {
        ProjectTree tree = new ProjectTree(dir)
                .dependencies("io.quarkus:quarkus-core")
                .env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost/q")
                .env("_TEST_QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost/q_test");
        assertThat(tree.discover(source)).isEmpty();
    }
}
