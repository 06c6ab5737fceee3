package dev.testguard.discovery.spring;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpringConfigImportTest {

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final SpringBootSource source = new SpringBootSource();

    @BeforeEach
    void springProject() {
        tree = new ProjectTree(dir).dependencies("org.springframework.boot:spring-boot-starter-test");
    }

    private DiscoveredUrl only() {
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).hasSize(1);
        return urls.get(0);
    }

    @Test
    void importedFileBeatsTheImportingFile() {
        tree.testResource("application.properties", """
                spring.datasource.url=jdbc:h2:mem:test
                spring.config.import=optional:classpath:db.properties
                """);
        tree.mainResource("db.properties", "# shared\nspring.datasource.url=jdbc:postgresql://localhost/orders\n");
        DiscoveredUrl url = only();
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost/orders");
        assertThat(url.provenance().location()).isEqualTo("src/main/resources/db.properties:2");
        assertThat(url.provenance().howToChange()).contains("add src/test/resources/db.properties")
                .contains("imported by spring.config.import at src/test/resources/application.properties:2");
    }

    @Test
    void laterImportBeatsEarlierAndALaterDocumentBeatsTheImport() {
        tree.testResource("application.yml", """
                spring:
                  config:
                    import:
                      - classpath:a.properties
                      - optional:classpath:/b.properties
                """);
        tree.testResource("a.properties", "spring.datasource.url=jdbc:postgresql://localhost/a\n");
        tree.testResource("b.properties", "spring.datasource.url=jdbc:postgresql://localhost/b\n");
        assertThat(only().url()).isEqualTo("jdbc:postgresql://localhost/b");

        tree.testResource("application.properties", """
                spring.config.import=classpath:a.properties
                #---
                spring.datasource.url=jdbc:h2:mem:later
                """);
        tree.testResource("application.yml", "x: 1\n");
        assertThat(only().url()).isEqualTo("jdbc:h2:mem:later");
    }

    @Test
    void fileRelativeDirectoryAndMissingOptionalLocations() {
        tree.testResource("application.properties", "spring.config.import=optional:file:./local.properties,"
                + "optional:conf/,optional:classpath:missing.properties\n");
        tree.testResource("conf/application.yaml", "spring.datasource.url: jdbc:postgresql://localhost/conf\n");
        assertThat(only().url()).isEqualTo("jdbc:postgresql://localhost/conf");
        tree.file("local.properties", "spring.datasource.url=jdbc:postgresql://localhost/local\n");
        DiscoveredUrl url = only();
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost/conf");
        tree.testResource("application.properties", "spring.config.import=file:./local.properties\n");
        assertThat(only().provenance().location()).isEqualTo("local.properties:1");
    }

    @Test
    void importsOfAProfileDocumentApplyOnlyWithThatProfile() {
        tree.testResource("application.properties", """
                spring.datasource.url=jdbc:h2:mem:test
                #---
                spring.config.activate.on-profile=pg
                spring.config.import=classpath:pg.properties
                """);
        tree.testResource("pg.properties", "spring.datasource.url=jdbc:postgresql://localhost/shop\n");
        assertThat(only().url()).isEqualTo("jdbc:h2:mem:test");
        tree.sysprop("spring.profiles.active", "pg");
        assertThat(only().url()).isEqualTo("jdbc:postgresql://localhost/shop");
    }

    @Test
    void rootImportFromASystemPropertyLoadsProfileVariants() {
        tree.testResource("application.properties", "spring.datasource.url=jdbc:h2:mem:test\n");
        tree.file("ext/db.properties", "spring.datasource.url=jdbc:postgresql://localhost/plain\n");
        tree.file("ext/db-ci.properties", "spring.datasource.url=jdbc:postgresql://localhost/ci\n");
        tree.sysprop("spring.config.import", "optional:file:ext/db.properties");
        assertThat(only().url()).isEqualTo("jdbc:postgresql://localhost/plain");
        tree.sysprop("spring.profiles.active", "ci");
        assertThat(only().url()).isEqualTo("jdbc:postgresql://localhost/ci");
    }

    @Test
    void configTreeFilesAreKeys() {
        tree.testResource("application.properties",
                "spring.datasource.url=jdbc:h2:mem:test\nspring.config.import=optional:configtree:secrets/\n");
        tree.file("secrets/spring/datasource/url", "jdbc:postgresql://db.internal/shop\n");
        DiscoveredUrl url = only();
        assertThat(url.url()).isEqualTo("jdbc:postgresql://db.internal/shop");
        assertThat(url.provenance().location()).isEqualTo("secrets/spring/datasource/url");
    }

    @Test
    void importCyclesAndUnknownSchemesAreHarmless() {
        tree.testResource("application.properties",
                "spring.config.import=optional:configserver:http://cfg,classpath:a.properties\n");
        tree.testResource("a.properties", "spring.config.import=classpath:application.properties\n"
                + "spring.datasource.url=jdbc:postgresql://localhost/a\n");
        assertThat(only().url()).isEqualTo("jdbc:postgresql://localhost/a");
    }
}
