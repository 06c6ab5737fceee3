package dev.testguard.discovery.micronaut;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.jdbc.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MicronautSourceTest {

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final MicronautSource source = new MicronautSource();

    @BeforeEach
    void micronautProject() {
        tree = new ProjectTree(dir).dependencies("io.micronaut.test:micronaut-test-junit5");
    }

    @Test
    void baseFileWithCredentialsAndLine() {
        tree.mainResource("application.yml", """
                micronaut:
                  application:
                    name: shop
                datasources:
                  default:
                    url: jdbc:postgresql://localhost/shop
                    username: shop
                    password: pw
                """);
        assertThat(tree.discover(source)).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("datasources.default.url");
            assertThat(u.credentials()).isEqualTo(new Credentials("shop", "pw"));
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.yml:6");
        });
    }

    @Test
    void testEnvironmentFileWins() {
        tree.mainResource("application.yml", "datasources.default.url: jdbc:postgresql://localhost/shop\n");
        tree.testResource("application-test.yml", "datasources.default.url: jdbc:h2:mem:test\n");
        assertThat(urls()).containsExactly("jdbc:h2:mem:test");
    }

    @Test
    void configuredEnvironmentsAndEnvironmentVariable() {
        tree.mainResource("application.properties", "datasources.default.url=jdbc:h2:mem:base\n");
        tree.mainResource("application-ci.properties", "datasources.default.url=jdbc:postgresql://ci/app_test\n");
        assertThat(urls()).containsExactly("jdbc:h2:mem:base");
        tree.env("MICRONAUT_ENVIRONMENTS", "ci");
        assertThat(urls()).containsExactly("jdbc:postgresql://ci/app_test");
        tree.env("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://env/x");
        tree.env("DATASOURCES_OTHER_URL", "jdbc:postgresql://env/other");
        assertThat(urls()).containsExactlyInAnyOrder("jdbc:postgresql://env/x", "jdbc:postgresql://env/other");
    }

    private List<String> urls() {
        return tree.discover(source).stream().map(DiscoveredUrl::url).toList();
    }
}
