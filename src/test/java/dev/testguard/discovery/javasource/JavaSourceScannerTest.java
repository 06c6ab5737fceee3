package dev.testguard.discovery.javasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaSourceScannerTest {

    private static TypeDeclaration only(String source, String name) {
        return JavaSourceScanner.scan(Path.of("X.java"), source).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsStringArrayConcatenationAndTextBlockValuesWithTheirLines() {
        String src = """
                package a;
                // @ActiveProfiles("commented")
                /* @TestPropertySource(properties = "x=commented") */
                @org.springframework.test.context.ActiveProfiles({"mysql", "extra"})
                @TestPropertySource(properties = {"spring.datasource.url=jdbc:postgresql://" + "localhost/shop",
                    \"\"\"
                    a=1
                    b=2
                    \"\"\"}, locations = "classpath:db.properties")
                @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "k=v, \\"quoted\\"")
                class ShopTests extends AbstractIT {
                    @Test void x() { String s = "@ActiveProfiles(\\"no\\")"; }
                }
                """;
        TypeDeclaration type = only(src, "ShopTests");
        assertEquals("AbstractIT", type.superclass());
        assertEquals(List.of("mysql", "extra"), type.annotation("ActiveProfiles").orElseThrow().attribute("value").values());
        AnnotationUse tps = type.annotation("TestPropertySource").orElseThrow();
        assertEquals(5, tps.line());
        List<AnnotationValue.Literal> props = tps.attribute("properties").strings();
        assertEquals("spring.datasource.url=jdbc:postgresql://localhost/shop", props.get(0).value());
        assertEquals(5, props.get(0).line());
        assertEquals("a=1\nb=2\n", props.get(1).value());
        assertEquals(7, props.get(1).line());
        assertEquals(List.of("classpath:db.properties"), tps.attribute("locations").values());
        AnnotationUse boot = type.annotation("SpringBootTest").orElseThrow();
        assertEquals("WebEnvironment . RANDOM_PORT", boot.attribute("webEnvironment").raw());
        assertEquals(List.of("k=v, \"quoted\""), boot.attribute("properties").values());
        assertEquals(3, type.annotations().size());
    }

    @Test
    void readsAnnotatedFieldsAndMethodsButNotAnnotationsInsideBodies() {
        String src = """
                @Testcontainers(disabledWithoutDocker = true)
                abstract class Base {
                    @Container
                    @ServiceConnection
                    static MySQLContainer<?> container = new MySQLContainer<>(DockerImageName.parse("mysql:9.2"));

                    @DynamicPropertySource
                    static void props(DynamicPropertyRegistry registry) {
                        registry.add("spring.datasource.url", pg::getJdbcUrl);
                        Runnable r = () -> { @SuppressWarnings("x") int i = 0; };
                    }

                    @Bean @ServiceConnection(name = "postgres")
                    PostgreSQLContainer<?> postgres(@Value("${x}") String x) { return null; }
                }
                """;
        TypeDeclaration type = only(src, "Base");
        assertTrue(type.isAbstract());
        assertEquals(3, type.members().size());
        MemberDeclaration field = type.members().get(0);
        assertEquals(MemberDeclaration.Kind.FIELD, field.kind());
        assertTrue(field.isAnnotated("ServiceConnection"));
        assertTrue(field.declaration().contains("MySQLContainer"), field.declaration());
        MemberDeclaration dynamic = type.members().get(1);
        assertEquals(MemberDeclaration.Kind.METHOD, dynamic.kind());
        assertTrue(dynamic.body().contains("\"spring.datasource.url\" , pg : : getJdbcUrl"), dynamic.body());
        MemberDeclaration bean = type.members().get(2);
        assertEquals(List.of("Bean", "ServiceConnection"), bean.annotations().stream().map(AnnotationUse::name).toList());
        assertTrue(bean.declaration().startsWith("PostgreSQLContainer"), bean.declaration());
    }

    @Test
    void nestedTypesAndClassLiteralsAreTold() {
        String src = """
                @Import(Config.class)
                class Outer {
                    @Nested @ActiveProfiles("inner") class Inner { }
                    @TestConfiguration static class Config { }
                }
                """;
        List<TypeDeclaration> types = JavaSourceScanner.scan(Path.of("X.java"), src);
        assertEquals(List.of("Inner", "Config", "Outer"), types.stream().map(TypeDeclaration::name).toList());
        assertEquals("Config . class", types.get(2).annotation("Import").orElseThrow().attribute("value").raw());
        assertFalse(types.get(2).annotation("Import").orElseThrow().attribute("value").constant());
    }
}
