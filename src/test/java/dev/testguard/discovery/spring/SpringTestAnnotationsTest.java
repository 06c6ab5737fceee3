package dev.testguard.discovery.spring;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpringTestAnnotationsTest {

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final SpringBootSource source = new SpringBootSource();

    @BeforeEach
    void springProject() {
        tree = new ProjectTree(dir).dependencies("org.springframework.boot:spring-boot-starter-test");
        tree.testResource("application.properties", "spring.datasource.url=jdbc:h2:mem:test\n");
    }

    private List<DiscoveredUrl> forClass(String name) {
        return tree.discover(source).stream().filter(u -> u.testClass() != null && u.testClass().startsWith(name + " "))
                .toList();
    }

    @Test
    void testPropertySourceBeatsSystemPropertiesAndSpringBootTestProperties() {
        tree.sysprop("spring.datasource.url", "jdbc:h2:mem:fromsysprop");
        tree.file("src/test/java/a/OrdersTests.java", """
                package a;

                @SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://localhost/boot")
                @TestPropertySource(properties = {
                    "app.x=1",
                    "spring.datasource.url=jdbc:postgresql://localhost/" + "orders"
                })
                class OrdersTests {
                    @Test void wipes() { }
                }
                """);
        List<DiscoveredUrl> urls = forClass("OrdersTests");
        assertThat(urls).hasSize(1);
        DiscoveredUrl url = urls.get(0);
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost/orders");
        assertThat(url.provenance().location()).isEqualTo("src/test/java/a/OrdersTests.java:6");
        assertThat(url.provenance().howToChange()).contains("@TestPropertySource(properties) of OrdersTests");
        assertThat(url.testClass()).isEqualTo("OrdersTests (src/test/java/a/OrdersTests.java:8)");
        assertThat(url.replacedBy()).isNull();
    }

    @Test
    void springBootTestAndSliceTextBlockPropertiesBeatFiles() {
        tree.file("src/test/java/a/RepoTests.java", """
                @DataJdbcTest(properties = \"""
                    spring.datasource.url=jdbc:postgresql://localhost/repo
                    spring.test.database.replace=none
                    \""")
                class RepoTests {
                    @ParameterizedTest void x() { }
                }
                """);
        DiscoveredUrl url = forClass("RepoTests").get(0);
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost/repo");
        assertThat(url.provenance().location()).isEqualTo("src/test/java/a/RepoTests.java:2");
        assertThat(url.replacedBy()).as("spring.test.database.replace=none keeps it").isNull();
    }

    @Test
    void testPropertySourceLocationsNextToTheClassAndOnTheClasspath() {
        tree.testResource("a/db.properties", "spring.datasource.url=jdbc:postgresql://localhost/near\n");
        tree.testResource("late.properties", "\nspring.datasource.url=jdbc:postgresql://localhost/late\n");
        tree.file("src/test/java/a/LocTests.java", """
                package a;
                @TestPropertySource(locations = {"db.properties", "classpath:late.properties"})
                class LocTests { @Test void t() { } }
                """);
        DiscoveredUrl url = forClass("LocTests").get(0);
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost/late");
        assertThat(url.provenance().location()).isEqualTo("src/test/resources/late.properties:2");
        assertThat(url.provenance().howToChange()).contains("loaded by @TestPropertySource on LocTests");
    }

    @Test
    void activeProfilesAreReportedPerClassAndInherited() {
        tree.mainResource("application-mysql.properties", "spring.datasource.url=jdbc:mysql://localhost/petclinic\n");
        tree.file("src/test/java/a/Base.java", """
                @ActiveProfiles("mysql")
                abstract class Base { }
                """);
        tree.file("src/test/java/a/VisitTests.java", "class VisitTests extends Base { @Test void t() { } }\n");
        tree.file("src/test/java/a/PlainTests.java", "class PlainTests { @Test void t() { } }\n");
        List<DiscoveredUrl> all = tree.discover(source);
        assertThat(all).extracting(DiscoveredUrl::url)
                .containsExactlyInAnyOrder("jdbc:h2:mem:test", "jdbc:mysql://localhost/petclinic");
        DiscoveredUrl mysql = forClass("VisitTests").get(0);
        assertThat(mysql.activation()).isEqualTo("profile mysql from @ActiveProfiles on Base (src/test/java/a/Base.java:1)");
    }

    @Test
    void serviceConnectionContainerReplacesTheProfilesDatasource() {
        tree.mainResource("application-mysql.properties", "spring.datasource.url=jdbc:mysql://localhost/petclinic\n");
        tree.file("src/test/java/a/MySqlIntegrationTests.java", """
                @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
                @ActiveProfiles("mysql")
                @Testcontainers(disabledWithoutDocker = true)
                class MySqlIntegrationTests {
                    @ServiceConnection
                    @Container
                    static MySQLContainer<?> container = new MySQLContainer<>(DockerImageName.parse("mysql:9.2"));
                    @Test void findAll() { }
                }
                """);
        DiscoveredUrl url = forClass("MySqlIntegrationTests").get(0);
        assertThat(url.url()).isEqualTo("jdbc:mysql://localhost/petclinic");
        assertThat(url.replacedBy()).isEqualTo(
                "the Testcontainers @ServiceConnection field container (MySqlIntegrationTests.java:5)");
        assertThat(url.activation()).startsWith("profile mysql from @ActiveProfiles on MySqlIntegrationTests");
    }

    @Test
    void serviceConnectionBeanInAnImportedConfigurationAndDynamicPropertySource() {
        tree.testResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/shop\n");
        tree.file("src/test/java/a/Containers.java", """
                @TestConfiguration(proxyBeanMethods = false)
                class Containers {
                    @Bean @ServiceConnection PostgreSQLContainer<?> postgres() { return new PostgreSQLContainer<>("postgres:16"); }
                }
                """);
        tree.file("src/test/java/a/ImportingTests.java",
                "@SpringBootTest @Import(Containers.class) class ImportingTests { @Test void t() { } }\n");
        tree.file("src/test/java/a/DynamicTests.java", """
                @SpringBootTest class DynamicTests {
                    static PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:16");
                    @DynamicPropertySource static void props(DynamicPropertyRegistry r) {
                        r.add("spring.datasource.url", pg::getJdbcUrl);
                    }
                    @Test void t() { }
                }
                """);
        assertThat(forClass("ImportingTests").get(0).replacedBy()).contains("@ServiceConnection bean postgres (Containers.java:3)");
        assertThat(forClass("DynamicTests").get(0).replacedBy()).contains("@DynamicPropertySource method props");
        assertThat(tree.discover(source)).allMatch(u -> u.replacedBy() != null)
                .as("every test class replaces it: the fork-wide evaluation is not needed").hasSize(2);
    }

    @Test
    void dataJpaTestReplacesOnlyWithAnEmbeddedDatabaseOnTheClasspath() {
        tree.testResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/shop\n");
        tree.file("src/test/java/a/ClinicServiceTests.java", "@DataJpaTest class ClinicServiceTests { @Test void t() { } }\n");
        assertThat(tree.discover(source)).singleElement().satisfies(u -> assertThat(u.replacedBy()).isNull());
        tree.dependencies("org.springframework.boot:spring-boot-starter-test", "com.h2database:h2");
        assertThat(tree.discover(source)).singleElement().satisfies(u -> assertThat(u.replacedBy())
                .isEqualTo("@DataJpaTest's @AutoConfigureTestDatabase (ClinicServiceTests.java:1) with the embedded"
                        + " database of com.h2database:h2"));
        tree.file("src/test/java/a/ClinicServiceTests.java", "@DataJpaTest @AutoConfigureTestDatabase(replace ="
                + " AutoConfigureTestDatabase.Replace.NONE) class ClinicServiceTests { @Test void t() { } }\n");
        assertThat(tree.discover(source)).singleElement().satisfies(u -> assertThat(u.replacedBy()).isNull());
    }

    @Test
    void dockerComposeInTestsReplacesTheDatasource() {
        tree.dependencies("org.springframework.boot:spring-boot-starter-test",
                "org.springframework.boot:spring-boot-docker-compose");
        tree.mainResource("application-postgres.properties", "spring.datasource.url=jdbc:postgresql://localhost/petclinic\n");
        tree.file("docker-compose.yml", "services:\n  postgres:\n    image: postgres:18.1\n");
        tree.file("src/test/java/a/PostgresIntegrationTests.java", """
                @SpringBootTest(properties = { "spring.docker.compose.skip.in-tests=false",
                        "spring.docker.compose.start.arguments=--force-recreate,--renew-anon-volumes,postgres" })
                @ActiveProfiles("postgres")
                class PostgresIntegrationTests { @Test void t() { } }
                """);
        DiscoveredUrl url = forClass("PostgresIntegrationTests").get(0);
        assertThat(url.replacedBy()).startsWith("Spring Boot's Docker Compose support (spring.docker.compose.skip.in-tests"
                + "=false, src/test/java/a/PostgresIntegrationTests.java:1)").endsWith("docker-compose.yml");
        tree.file("docker-compose.yml", "services:\n  cache:\n    image: redis\n");
        assertThat(forClass("PostgresIntegrationTests").get(0).replacedBy()).isNull();
    }

    @Test
    void dockerComposeSwitchedOnInTheTestConfigurationReplacesItForEveryTest() {
        tree.dependencies("org.springframework.boot:spring-boot-starter-test",
                "org.springframework.boot:spring-boot-docker-compose");
        tree.testResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/petclinic\n"
                + "spring.docker.compose.skip.in-tests=false\n");
        tree.file("compose.yaml", "services:\n  db:\n    image: 'postgres:16'\n");
        tree.file("src/test/java/a/PlainTests.java", "class PlainTests { @Test void t() { } }\n");
        assertThat(tree.discover(source)).singleElement().satisfies(u -> {
            assertThat(u.testClass()).isNull();
            assertThat(u.replacedBy()).contains("src/test/resources/application.properties:2").endsWith("compose.yaml");
        });
    }
}
