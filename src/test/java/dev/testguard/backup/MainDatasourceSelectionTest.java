package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import dev.testguard.policy.PolicySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainDatasourceSelectionTest {

    @TempDir
    Path project;

    private PolicySettings settings() {
        return PolicySettings.defaults(project, project.resolve("target"), false);
    }

    private static Optional<DiscoveredUrl> main(String url) {
        Path file = Path.of("src/main/resources/application.properties");
        return Optional.of(DiscoveredUrl.of("spring.datasource.url", url,
                Provenance.file(file, file.toString(), 3, "edit it"), null).withCredentials(new Credentials("app", "s3cret")));
    }

    @Test
    void localDevDatabaseIsBackedUpWithItsCredentials() {
        MainDatasourceSelection.Choice c = MainDatasourceSelection.choose(
                main("jdbc:postgresql://localhost:5432/orders_dev"), settings());

        assertThat(c.included()).isTrue();
        assertThat(c.target().databaseName()).isEqualTo("orders_dev");
        assertThat(c.target().effectiveCredentials()).isEqualTo(new Credentials("app", "s3cret"));
        assertThat(c.reason()).contains("jdbc:postgresql://localhost:5432/orders_dev", "spring.datasource.url",
                "application.properties:3", "local and not a test database").doesNotContain("s3cret");
    }

    @Test
    void embeddedFileDatabaseInTheProjectCountsAsLocal() {
        String url = "jdbc:h2:file:" + project.resolve("data/app") ;
        assertThat(MainDatasourceSelection.choose(main(url), settings()).included()).isTrue();
    }

    @Test
    void remoteDatabaseIsLeftOutEvenWhenItsHostIsAllowedForTests() {
        MainDatasourceSelection.Choice c = MainDatasourceSelection.choose(main("jdbc:postgresql://db.example.com/orders"),
                settings().withAllowedHosts(List.of("db.example.com")));

        assertThat(c.included()).isFalse();
        assertThat(c.reason()).contains("not on this machine", "<protectedDatabases>");
    }

    @Test
    void testDatabaseByNameIsLeftOut() {
        MainDatasourceSelection.Choice c = MainDatasourceSelection.choose(main("jdbc:mysql://127.0.0.1:3306/orders_test"), settings());

        assertThat(c.included()).isFalse();
        assertThat(c.reason()).contains("a test database by its name");
    }

    @Test
    void configuredTestTokensDecide() {
        PolicySettings qa = settings().withTokens(Set.of("qa"), settings().forbiddenTokens());

        assertThat(MainDatasourceSelection.choose(main("jdbc:postgresql://localhost/orders_qa"), qa).included()).isFalse();
        assertThat(MainDatasourceSelection.choose(main("jdbc:postgresql://localhost/orders_test"), qa).included()).isTrue();
    }

    @Test
    void anOverrideDoesNotMakeADevDatabaseATestOne() {
        PolicySettings allowing = settings().withAllowDatabases(List.of("localhost:5432/orders_dev"));

        assertThat(MainDatasourceSelection.choose(main("jdbc:postgresql://localhost:5432/orders_dev"), allowing).included())
                .isTrue();
    }

    @Test
    void ephemeralDatabasesAreNeverBackedUp() {
        assertThat(MainDatasourceSelection.choose(main("jdbc:h2:mem:orders"), settings()).reason()).contains("ephemeral");
        assertThat(MainDatasourceSelection.choose(main("jdbc:tc:postgresql:15:///orders"), settings()).included()).isFalse();
        String underTarget = "jdbc:h2:file:" + project.resolve("target/db/orders");
        assertThat(MainDatasourceSelection.choose(main(underTarget), settings()).included()).isFalse();
    }

    @Test
    void noMainDatasourceSaysSo() {
        MainDatasourceSelection.Choice c = MainDatasourceSelection.choose(Optional.empty(), settings());

        assertThat(c.included()).isFalse();
        assertThat(c.reason()).contains("no main datasource");
    }
}
