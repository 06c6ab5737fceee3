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

    @Test
    void readsStringConstantsAndAnnotationTypes() {
        String src = """
                @Retention(RetentionPolicy.RUNTIME)
                @TestPropertySource(properties = "spring.datasource.url=" + Urls.DEV + "?x=1")
                public @interface DevDatabase {
                    String NAME = "orders";
                }
                class Urls {
                    public static final String DEV = "jdbc:postgresql://localhost/" + DevDatabase.NAME;
                    static final String BLOCK = \"""
                        a=1
                        \""";
                    static String mutable = "x";
                    final String instance = "y";
                    static final int NUMBER = 3;
                    static final String CALL = System.getenv("X");
                }
                """;
        TypeDeclaration annotation = only(src, "DevDatabase");
        assertTrue(annotation.annotationType());
        assertEquals("orders", annotation.constants().get("NAME").value().values().get(0));
        AnnotationValue properties = annotation.annotation("TestPropertySource").orElseThrow().attribute("properties");
        assertFalse(properties.constant());
        assertEquals(List.of(new AnnotationValue.Term("spring.datasource.url=", null, 2),
                new AnnotationValue.Term(null, "Urls.DEV", 2), new AnnotationValue.Term("?x=1", null, 2)), properties.items().get(0));
        assertEquals(Path.of("X.java"), annotation.annotation("TestPropertySource").orElseThrow().file());

        TypeDeclaration urls = only(src, "Urls");
        assertFalse(urls.annotationType());
        assertEquals(List.of("BLOCK", "CALL", "DEV"), urls.constants().keySet().stream().sorted().toList());
        assertEquals(7, urls.constants().get("DEV").line());
        assertEquals(List.of(new AnnotationValue.Term("jdbc:postgresql://localhost/", null, 7),
                new AnnotationValue.Term(null, "DevDatabase.NAME", 7)), urls.constants().get("DEV").value().items().get(0));
        assertEquals("a=1\n", urls.constants().get("BLOCK").value().values().get(0));
        assertEquals(java.util.Collections.singletonList(null), urls.constants().get("CALL").value().items(),
                "a method call is no constant: nothing to resolve");
    }
}
