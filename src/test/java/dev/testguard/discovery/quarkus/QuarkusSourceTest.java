package dev.testguard.discovery.quarkus;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.jdbc.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuarkusSourceTest {

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final QuarkusSource source = new QuarkusSource();

    @BeforeEach
    void quarkusProject() {
        tree = new ProjectTree(dir).dependencies("io.quarkus:quarkus-junit5");
    }

    @Test
    void plainKeyIsUsedInTestsWithAdvice() {
        tree.mainResource("application.properties", """
                quarkus.datasource.db-kind=postgresql
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/shop
                quarkus.datasource.username=shop
                quarkus.datasource.password=pw
                """);
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("quarkus.datasource.jdbc.url");
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/shop");
            assertThat(u.credentials()).isEqualTo(new Credentials("shop", "pw"));
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.properties:2");
            assertThat(u.provenance().howToChange()).isEqualTo("set %test.quarkus.datasource.jdbc.url in src/main/resources/application.properties"
                    + " to a test database (the %test. profile is what @QuarkusTest reads), or remove the URL so that"
                    + " Quarkus Dev Services starts a database for the tests");
        });
    }

    @Test
    void testProfileWinsAndProdIsIgnored() {
        tree.mainResource("application.properties", """
                %prod.quarkus.datasource.jdbc.url=jdbc:postgresql://prod/shop
                %dev.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/dev
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/base
                %test.quarkus.datasource.jdbc.url=jdbc:h2:mem:test
                """);
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:h2:mem:test");
            assertThat(u.provenance().line()).isEqualTo(4);
        });
    }

    @Test
    void onlyProdUrlMeansDevServices() {
        tree.mainResource("application.properties", "%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://prod/shop\n"
                + "quarkus.datasource.db-kind=postgresql\n");
        assertThat(tree.discover(source)).isEmpty();
    }

    @Test
    void testResourcesBeatMainOnTheSameKeyButBothAreRead() {
        tree.mainResource("application.properties", "quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/main\n"
                + "quarkus.datasource.users.jdbc.url=jdbc:postgresql://localhost/users\n");
        tree.testResource("application.properties", "quarkus.datasource.jdbc.url=jdbc:h2:mem:t\n");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url)
                .containsExactlyInAnyOrder("jdbc:h2:mem:t", "jdbc:postgresql://localhost/users");
    }

    @Test
    void environmentBeatsProfiledFileValueAndTestProfileEnvForm() {
        tree.mainResource("application.properties", "%test.quarkus.datasource.jdbc.url=jdbc:h2:mem:test\n");
        tree.env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://env/shop");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url).containsExactly("jdbc:postgresql://env/shop");
        tree.env("_TEST_QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://env/shop_test");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url)
                .containsExactly("jdbc:postgresql://env/shop_test");
    }

    @Test
    void namedDatasourcesQuotedAndFromEnvironment() {
        tree.mainResource("application.properties", """
                quarkus.datasource."users".jdbc.url=jdbc:postgresql://localhost/users
                quarkus.datasource."users".username=u
                """);
        tree.env("QUARKUS_DATASOURCE_ORDERS_JDBC_URL", "jdbc:postgresql://localhost/orders");
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).extracting(DiscoveredUrl::key, DiscoveredUrl::url).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.users.jdbc.url", "jdbc:postgresql://localhost/users"),
                org.assertj.core.groups.Tuple.tuple("quarkus.datasource.orders.jdbc.url", "jdbc:postgresql://localhost/orders"));
        assertThat(urls.get(0).credentials().username()).isEqualTo("u");
        tree.env("QUARKUS_DATASOURCE__USERS__JDBC_URL", "jdbc:h2:mem:users");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url).contains("jdbc:h2:mem:users");
    }

    @Test
    void systemPropertySelectsAnotherProfile() {
        tree.mainResource("application.properties", "%test.quarkus.datasource.jdbc.url=jdbc:h2:mem:test\n"
                + "%it.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/it\n");
        tree.sysprop("quarkus.test.profile", "it");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url).containsExactly("jdbc:postgresql://localhost/it");
    }

    @Test
    void otherJdbcValuesAndPlaceholdersAndYaml() {
        tree.mainResource("application.yaml", """
                "%test":
                  app:
                    legacy-url: jdbc:postgresql://${LEGACY_HOST:localhost}/legacy
                """);
        tree.mainResource("application.properties", "%test.app.legacy-url=jdbc:h2:mem:ignored\n");
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("app.legacy-url");
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/legacy");
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.yaml:3");
        });
    }

    @Test
    void notQuarkusMeansNothing() {
        tree.dependencies("org.springframework.boot:spring-boot");
        tree.mainResource("application.properties", "quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/shop\n");
        assertThat(tree.discover(source)).isEmpty();
    }
}
