package dev.testguard.discovery.spring;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test-class annotations as the compiler sees them: string constants resolved, composed annotations expanded. */
class SpringComposedAnnotationsAndConstantsTest {

    @TempDir
    Path dir;
    private ProjectTree tree;
    private final SpringBootSource source = new SpringBootSource();

    @BeforeEach
    void springProject() {
        tree = new ProjectTree(dir).dependencies("org.springframework.boot:spring-boot-starter-test");
        tree.testResource("application.properties", "spring.datasource.url=jdbc:h2:mem:test\n");
    }

    private DiscoveredUrl forClass(String name) {
        List<DiscoveredUrl> urls = tree.discover(source).stream()
                .filter(u -> u.testClass() != null && u.testClass().startsWith(name + " ")).toList();
        assertThat(urls).as("the URLs seen by " + name).hasSize(1);
        return urls.get(0);
    }

    @Test
    void constantOfAMainSourceFileBuiltFromAnotherConstant() {
        tree.file("src/main/java/a/DbUrls.java", """
                package a;
                public final class DbUrls {
                    private static final String HOST = "jdbc:postgresql://localhost:5432";
                    public static final String DEV = HOST + "/orders";
                    public static String notConstant = "jdbc:postgresql://localhost/other";
                }
                """);
        tree.file("src/test/java/a/OrdersTests.java", """
                package a;

                @TestPropertySource(properties = {"app.x=1",
                        "spring.datasource.url=" + DbUrls.DEV})
                class OrdersTests { @Test void t() { } }
                """);
        DiscoveredUrl url = forClass("OrdersTests");
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost:5432/orders");
        assertThat(url.provenance().location()).isEqualTo("src/test/java/a/OrdersTests.java:4");
        assertThat(url.provenance().howToChange()).contains("@TestPropertySource(properties) of OrdersTests")
                .contains("built from DbUrls.DEV (src/main/java/a/DbUrls.java:4)");
    }

    @Test
    void textBlockConstantOfTheSameClassAndStaticallyImportedConstantOfAnotherTestFile() {
        tree.file("src/test/java/a/RepoTests.java", """
                @SpringBootTest(properties = RepoTests.PROPS)
                class RepoTests {
                    static final String PROPS = \"""
                        spring.datasource.url=jdbc:postgresql://localhost/repo
                        \""";
                    @Test void t() { }
                }
                """);
        tree.file("src/test/java/a/TestDbs.java", """
                interface TestDbs {
                    String SHOP = "jdbc:mariadb://localhost:3306/" + "shop";
                }
                """);
        tree.file("src/test/java/a/ShopTests.java", """
                import static a.TestDbs.SHOP;
                @DataJdbcTest(properties = "spring.datasource.url=" + SHOP)
                class ShopTests { @Test void t() { } }
                """);
        assertThat(forClass("RepoTests").url()).isEqualTo("jdbc:postgresql://localhost/repo");
        assertThat(forClass("RepoTests").provenance().location()).isEqualTo("src/test/java/a/RepoTests.java:1");
        assertThat(forClass("ShopTests").url()).isEqualTo("jdbc:mariadb://localhost:3306/shop");
        assertThat(forClass("ShopTests").provenance().howToChange()).contains("TestDbs.SHOP (src/test/java/a/TestDbs.java:2)");
    }

    @Test
    void valuesThatAreNoStringConstantsAreNotGuessedAndCyclesEnd() {
        tree.file("src/test/java/a/OddTests.java", """
                @TestPropertySource(properties = {"spring.datasource.url=" + OddTests.A, "x=" + System.getenv("X")})
                class OddTests {
                    static final String A = B;
                    static final String B = A;
                    static String notFinal = "jdbc:postgresql://localhost/nf";
                    @Test void t() { }
                }
                """);
        tree.file("src/test/java/a/NotFinalTests.java", """
                @TestPropertySource(properties = "spring.datasource.url=" + OddTests.notFinal)
                class NotFinalTests { @Test void t() { } }
                """);
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url).containsOnly("jdbc:h2:mem:test");
    }

    @Test
    void composedAnnotationOnAnAbstractBaseClassLendsItsTestPropertySource() {
        tree.file("src/test/java/a/DevDatabase.java", """
                package a;
                @Retention(RetentionPolicy.RUNTIME)
                @TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://localhost/" + DevDatabase.NAME)
                public @interface DevDatabase {
                    String NAME = "orders";
                }
                """);
        tree.file("src/test/java/a/BaseIT.java", "@DevDatabase abstract class BaseIT { }\n");
        tree.file("src/test/java/a/OrdersIT.java", "class OrdersIT extends BaseIT { @Test void t() { } }\n");
        DiscoveredUrl url = forClass("OrdersIT");
        assertThat(url.url()).isEqualTo("jdbc:postgresql://localhost/orders");
        assertThat(url.provenance().location()).isEqualTo("src/test/java/a/DevDatabase.java:3");
        assertThat(url.provenance().howToChange()).contains("@TestPropertySource(properties) of @DevDatabase on BaseIT");
        assertThat(url.testClass()).isEqualTo("OrdersIT (src/test/java/a/OrdersIT.java:1)");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url).as("the annotation type is no test class")
                .containsExactly("jdbc:postgresql://localhost/orders");
    }

    @Test
    void nestedComposedAnnotationsLendActiveProfilesAndSpringBootTestProperties() {
        tree.mainResource("application-mysql.properties", "spring.datasource.url=jdbc:mysql://localhost/petclinic\n");
        tree.file("src/test/java/a/MySqlProfile.java", "@ActiveProfiles(\"mysql\")\n@interface MySqlProfile { }\n");
        tree.file("src/test/java/a/IntegrationSuite.java", """
                @MySqlProfile
                @SpringBootTest(properties = "spring.datasource.hikari.jdbc-url=jdbc:postgresql://localhost/hikari")
                @interface IntegrationSuite { }
                """);
        tree.file("src/test/java/a/VisitTests.java", "@IntegrationSuite class VisitTests { @Test void t() { } }\n");
        List<DiscoveredUrl> urls = tree.discover(source);
        assertThat(urls).extracting(DiscoveredUrl::url)
                .containsExactlyInAnyOrder("jdbc:mysql://localhost/petclinic", "jdbc:postgresql://localhost/hikari");
        assertThat(urls).allSatisfy(u -> assertThat(u.activation()).isEqualTo(
                "profile mysql from @ActiveProfiles on @MySqlProfile on @IntegrationSuite on VisitTests"
                        + " (src/test/java/a/MySqlProfile.java:1)"));
        assertThat(urls).filteredOn(u -> u.url().contains("hikari")).singleElement()
                .satisfies(u -> assertThat(u.provenance().location()).isEqualTo("src/test/java/a/IntegrationSuite.java:2"));
    }

    @Test
    void aDirectAnnotationBeatsTheOneAComposedAnnotationLends() {
        tree.mainResource("application-mysql.properties", "spring.datasource.url=jdbc:mysql://localhost/petclinic\n");
        tree.mainResource("application-ci.properties", "spring.datasource.url=jdbc:h2:mem:ci\n");
        tree.file("src/test/java/a/MySqlProfile.java", "@ActiveProfiles(\"mysql\")\n@interface MySqlProfile { }\n");
        tree.file("src/test/java/a/CiTests.java", "@MySqlProfile @ActiveProfiles(\"ci\") class CiTests { @Test void t() { } }\n");
        assertThat(tree.discover(source)).extracting(DiscoveredUrl::url).containsExactly("jdbc:h2:mem:ci");
    }
}
