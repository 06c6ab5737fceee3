package dev.testguard.discovery.spring;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpringBootSourceTest {

    private static final String URL = "spring.datasource.url";

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final SpringBootSource source = new SpringBootSource();

    @BeforeEach
    void springProject() {
        tree = new ProjectTree(dir).dependencies("org.springframework.boot:spring-boot-starter-test");
    }

    @Test
    void mainFileIsReportedWithLineCredentialsAndAdvice() {
        tree.mainResource("application.properties", """
                server.port=8080
                spring.datasource.url=jdbc:postgresql://localhost:5432/shop
                spring.datasource.username=shop
                spring.datasource.password=secret
                """);
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).hasSize(1);
        DiscoveredUrl u = urls.get(0);
        assertThat(u.key()).isEqualTo(URL);
        assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
        assertThat(u.testRun()).isEqualTo(ProjectTree.RUN);
        assertThat(u.credentials()).isEqualTo(new Credentials("shop", "secret"));
        assertThat(u.unresolved()).isFalse();
        assertThat(u.provenance().kind()).isEqualTo(Provenance.Kind.FILE);
        assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.properties:2");
        assertThat(u.provenance().line()).isEqualTo(2);
        assertThat(u.provenance().howToChange()).isEqualTo("add src/test/resources/application.properties"
                + " (it hides this file from tests) with spring.datasource.url set to a test database,"
                + " or use an in-memory database");
    }

    @Test
    void testResourceWithSameNameHidesMainFileEntirely() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/shop\n"
                + "app.reporting.url=jdbc:postgresql://localhost/reports\n");
        tree.testResource("application.properties", "spring.datasource.url=jdbc:h2:mem:test\n");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:h2:mem:test");
    }

    @Test
    void differentFileNamesBothLoadAndPropertiesBeatsYaml() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/shop\n");
        tree.testResource("application.yml", "spring.datasource.url: jdbc:h2:mem:test\n"
                + "app.other-url: jdbc:h2:mem:other\n");
        assertThat(urls()).containsExactlyInAnyOrder(
                "spring.datasource.url=jdbc:postgresql://localhost/shop", "app.other-url=jdbc:h2:mem:other");
    }

    @Test
    void environmentBeatsFileWithRelaxedNames() {
        tree.mainResource("application.yml", "spring:\n  datasource:\n    hikari:\n      jdbc-url: jdbc:h2:mem:x\n");
        tree.env("SPRING_DATASOURCE_HIKARI_JDBCURL", "jdbc:postgresql://prod-db/shop");
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("spring.datasource.hikari.jdbc-url");
            assertThat(u.url()).isEqualTo("jdbc:postgresql://prod-db/shop");
            assertThat(u.provenance().location()).isEqualTo("environment variable SPRING_DATASOURCE_HIKARI_JDBCURL");
        });
    }

    @Test
    void systemPropertyBeatsEnvironmentAndEnvironmentAloneIsReported() {
        tree.env("SPRING_DATASOURCE_URL", "jdbc:postgresql://env/shop");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://env/shop");
        tree.sysprop(URL, "jdbc:h2:mem:sys");
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:h2:mem:sys");
            assertThat(u.provenance().kind()).isEqualTo(Provenance.Kind.COMMAND_LINE);
        });
    }

    @Test
    void springApplicationJsonIsRead() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:h2:mem:file\n");
        tree.env("SPRING_APPLICATION_JSON", "{\"spring\":{\"datasource\":{\"url\":\"jdbc:postgresql://json/shop\"}}}");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://json/shop");
    }

    @Test
    void profileFileBeatsBaseAndLastActiveProfileWins() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/base\n");
        tree.mainResource("application-a.properties", "spring.datasource.url=jdbc:postgresql://localhost/a\n");
        tree.mainResource("application-b.yml", "spring.datasource.url: jdbc:postgresql://localhost/b\n");
        tree.sysprop("spring.profiles.active", "b,a");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://localhost/a");
    }

    @Test
    void activeProfileFromFileAndEnvironment() {
        tree.mainResource("application.properties", "spring.profiles.active=local\n"
                + "spring.datasource.url=jdbc:postgresql://localhost/base\n");
        tree.mainResource("application-local.properties", "spring.datasource.url=jdbc:postgresql://localhost/local\n");
        tree.mainResource("application-ci.properties", "spring.datasource.url=jdbc:postgresql://localhost/ci_test\n");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://localhost/local");
        tree.env("SPRING_PROFILES_ACTIVE", "ci");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://localhost/ci_test");
    }

    @Test
    void defaultProfileFileLoadsWhenNoneIsActive() {
        tree.mainResource("application-default.properties", "spring.datasource.url=jdbc:postgresql://localhost/dflt\n");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://localhost/dflt");
        tree.sysprop("spring.profiles.active", "other");
        assertThat(urls()).isEmpty();
    }

    @Test
    void includedProfilesLoadBeforeActiveOnes() {
        tree.mainResource("application.properties", "spring.profiles.include=common\nspring.profiles.active=x\n");
        tree.mainResource("application-common.properties", "spring.datasource.url=jdbc:h2:mem:common\n"
                + "spring.flyway.url=jdbc:h2:mem:flyway\n");
        tree.mainResource("application-x.properties", "spring.datasource.url=jdbc:h2:mem:x\n");
        assertThat(urls()).containsExactlyInAnyOrder("spring.datasource.url=jdbc:h2:mem:x",
                "spring.flyway.url=jdbc:h2:mem:flyway");
    }

    @Test
    void laterDocumentBeatsEarlierAndOnProfileDocumentsNeedTheirProfile() {
        tree.mainResource("application.yml", """
                spring.datasource.url: jdbc:postgresql://localhost/first
                ---
                spring.datasource.url: jdbc:postgresql://localhost/second
                ---
                spring:
                  config.activate.on-profile: "!ci"
                  datasource.url: jdbc:postgresql://localhost/not_ci
                ---
                spring:
                  config.activate.on-profile: prod | staging
                  datasource.url: jdbc:postgresql://localhost/prod
                """);
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://localhost/not_ci");
        tree.sysprop("spring.profiles.active", "ci");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://localhost/second");
        tree.sysprop("spring.profiles.active", "ci,staging");
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/prod");
            assertThat(u.provenance().line()).isEqualTo(11);
        });
    }

    @Test
    void legacySpringProfilesInPropertiesDocuments() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:h2:mem:base\n#---\n"
                + "spring.profiles=ci\nspring.datasource.url=jdbc:postgresql://ci/app_test\n");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:h2:mem:base");
        tree.env("SPRING_PROFILES_ACTIVE", "ci");
        assertThat(urls()).containsExactly("spring.datasource.url=jdbc:postgresql://ci/app_test");
    }

    @Test
    void activeProfilesAnnotationsAreEachEvaluated() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:h2:mem:base\n");
        tree.mainResource("application-it.properties", "spring.datasource.url=jdbc:postgresql://localhost/it\n");
        tree.mainResource("application-pg.properties", "spring.datasource.url=jdbc:postgresql://localhost/pg\n");
        tree.mainResource("application-x.properties", "spring.datasource.url=jdbc:postgresql://localhost/x\n");
        tree.file("src/test/java/a/ItTest.java", "@ActiveProfiles(\"it\")\nclass ItTest {}\n");
        tree.file("src/test/java/a/PgTest.java",
                "@ActiveProfiles(profiles = {\"x\", \"pg\"}, inheritProfiles = false)\nclass PgTest {}\n");
        assertThat(urls()).containsExactlyInAnyOrder("spring.datasource.url=jdbc:h2:mem:base",
                "spring.datasource.url=jdbc:postgresql://localhost/it",
                "spring.datasource.url=jdbc:postgresql://localhost/pg");
    }

    @Test
    void placeholdersResolveFromEnvironmentAndDefaults() {
        tree.mainResource("application.properties", """
                db.host=${DB_HOST:localhost}
                spring.datasource.url=${DB_URL:jdbc:postgresql://${db.host}/shop}
                spring.datasource.password=${DB_PASSWORD}
                spring.flyway.url=jdbc:postgresql://${MISSING}/x
                """);
        assertThat(urls()).containsExactlyInAnyOrder("spring.datasource.url=jdbc:postgresql://localhost/shop",
                "spring.flyway.url=jdbc:postgresql://${MISSING}/x");
        assertThat(tree.discover(source)).filteredOn(u -> u.key().equals("spring.flyway.url"))
                .singleElement().satisfies(u -> assertThat(u.unresolved()).isTrue());
        tree.env("DB_HOST", "db.internal").env("DB_PASSWORD", "pw");
        DiscoveredUrl ds = tree.discover(source).get(0);
        assertThat(ds.url()).isEqualTo("jdbc:postgresql://db.internal/shop");
        assertThat(ds.credentials().password()).isEqualTo("pw");
        assertThat(ds.provenance().location()).isEqualTo("src/main/resources/application.properties:2");
        tree.env("DB_URL", "jdbc:mysql://env/shop");
        assertThat(tree.discover(source).get(0).url()).isEqualTo("jdbc:mysql://env/shop");
    }

    @Test
    void flywayAndLiquibaseCredentialsFallBackToDatasource() {
        tree.mainResource("application.properties", """
                spring.datasource.username=app
                spring.datasource.password=pw
                spring.flyway.url=jdbc:postgresql://localhost/fly
                spring.flyway.user=flyer
                spring.liquibase.url=jdbc:postgresql://localhost/lq
                """);
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).extracting(DiscoveredUrl::key, DiscoveredUrl::credentials).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("spring.flyway.url", new Credentials("flyer", "pw")),
                org.assertj.core.groups.Tuple.tuple("spring.liquibase.url", new Credentials("app", "pw")));
    }

    @Test
    void noDatasourceUrlMeansNothingReported() {
        tree.mainResource("application.properties", "server.port=8080\n");
        assertThat(tree.discover(source)).isEmpty();
    }

    @Test
    void notASpringProjectMeansNothing() {
        tree.dependencies("io.quarkus:quarkus-junit5");
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/shop\n");
        assertThat(tree.discover(source)).isEmpty();
    }

    @Test
    void workingDirectoryConfigBeatsClasspath() {
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:h2:mem:cp\n");
        tree.file("config/application.properties", "spring.datasource.url=jdbc:postgresql://localhost/wd\n");
        DiscoveredUrl u = tree.discover(source).get(0);
        assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/wd");
        assertThat(u.provenance().location()).isEqualTo("config/application.properties:1");
    }

    @Test
    void brokenYamlNamesFileAndLine() {
        tree.testResource("application.yml", "spring:\n  datasource:\n    url: [oops\n");
        assertThatThrownBy(() -> tree.discover(source)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("application.yml:");
    }

    private List<String> urls() {
        return tree.discover(source).stream().map(u -> u.key() + "=" + u.url()).toList();
    }
}
