package dev.testguard.discovery.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarkusProfilesAndNamedDatasourcesTest {

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final QuarkusSource source = new QuarkusSource();

    @BeforeEach
    void quarkusProject() {
        tree = new ProjectTree(dir).dependencies("io.quarkus:quarkus-junit5");
    }

    @Test
    void multiProfileKeyCountsForTheTestProfile() {
        tree.mainResource("application.properties", """
                quarkus.datasource.jdbc.url=jdbc:h2:mem:base
                %dev,test.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/shop
                %prod,staging.quarkus.datasource.jdbc.url=jdbc:postgresql://prod/shop
                """);
        assertThat(tree.discover(source)).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/shop");
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.properties:2");
        });
    }

    @Test
    void namedDatasourcesInEverySpellingWithProfiles() {
        tree.mainResource("application.properties", """
                quarkus.datasource."users".jdbc.url=jdbc:postgresql://localhost/users
                quarkus.datasource."users".username=u
                quarkus.datasource.orders.jdbc.url=jdbc:mysql://localhost/orders
                %test.quarkus.datasource.orders.jdbc.url=jdbc:mysql://localhost/orders_test
                %dev,test.quarkus.datasource."audit".jdbc.url=jdbc:mariadb://localhost/audit
                """);
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).extracting(DiscoveredUrl::key, DiscoveredUrl::url).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.users.jdbc.url", "jdbc:postgresql://localhost/users"),
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.orders.jdbc.url", "jdbc:mysql://localhost/orders_test"),
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.audit.jdbc.url", "jdbc:mariadb://localhost/audit"));
        assertThat(urls.stream().filter(u -> u.key().contains("users")).findFirst().orElseThrow().credentials().username())
                .isEqualTo("u");
    }

    @Test
    void namedDatasourcesAndProfilesInYaml() {
        tree.mainResource("application.yaml", """
                quarkus:
                  datasource:
                    "users":
                      jdbc:
                        url: jdbc:postgresql://localhost/users_yaml
                "%dev,test":
                  quarkus:
                    datasource:
                      orders:
                        jdbc:
                          url: jdbc:mysql://localhost/orders_yaml
                """);
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::key, DiscoveredUrl::url).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.users.jdbc.url", "jdbc:postgresql://localhost/users_yaml"),
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.orders.jdbc.url", "jdbc:mysql://localhost/orders_yaml"));
    }

    @Test
    void reactiveUrlsAreJudgedAsTheirJdbcTarget() {
        tree.mainResource("application.properties", """
                %test.quarkus.datasource.reactive.url=postgresql://localhost:5432/shop
                quarkus.datasource.username=app
                quarkus.datasource."inventory".reactive.url=vertx-reactive:mysql://stock:pw@localhost/inventory
                app.cache.url=r2dbc:pool:mariadb://localhost/cache
                """);
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).extracting(DiscoveredUrl::key, DiscoveredUrl::url).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.reactive.url", "jdbc:postgresql://localhost:5432/shop"),
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.inventory.reactive.url", "jdbc:mysql://localhost/inventory"),
                org.assertj.core.groups.Tuple.tuple("app.cache.url", "jdbc:mariadb://localhost/cache"));
        assertThat(urls.get(0).credentials()).isEqualTo(new Credentials("app", null));
        assertThat(urls.stream().filter(u -> u.key().contains("inventory")).findFirst().orElseThrow().credentials())
                .isEqualTo(new Credentials("stock", "pw"));
    }
}
