package dev.testguard.discovery.spring;

import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.config.PropertyLookup;
import dev.testguard.discovery.javasource.AnnotationUse;
import dev.testguard.discovery.javasource.MemberDeclaration;
import dev.testguard.discovery.javasource.TypeDeclaration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What replaces a Spring test class's configured datasource before any connection, so its
 * {@code spring.datasource.url} is never opened: a Testcontainers {@code @ServiceConnection} JDBC container, a
 * {@code @DynamicPropertySource} registering a container's {@code getJdbcUrl}, {@code @AutoConfigureTestDatabase}
 * (explicit or through {@code @DataJpaTest}/{@code @JdbcTest}/{@code @DataJdbcTest}) with an embedded database on the
 * test classpath, or Spring Boot's Docker Compose support switched on for tests.
 */
final class DatasourceReplacement implements SpringTestClass.Replacement {

    static final Pattern JDBC_CONTAINER = Pattern.compile("\\b(PostgreSQL|Postgres|MySQL|MariaDB|Oracle|MSSQLServer|Db2"
            + "|JdbcDatabase|ClickHouse|Cockroach|YugabyteDBYSQL|TiDB|Trino|Presto|QuestDB|Timeplus)\\w*Container\\b");
    private static final Pattern JDBC_SERVICE_NAME = Pattern.compile(
            "(?i).*(postgres|mysql|mariadb|oracle|sqlserver|mssql|db2|clickhouse).*");
    private static final Pattern DYNAMIC_URL = Pattern.compile(
            "\\badd \\( \"spring\\.datasource\\.(?:url|hikari\\.jdbc-url)\" , [^;]*getJdbcUrl");
    private static final Set<String> SLICES_WITH_TEST_DATABASE = Set.of("DataJpaTest", "JdbcTest", "DataJdbcTest",
            "JooqTest");
    private static final List<String> EMBEDDED = List.of("com.h2database:h2", "org.hsqldb:hsqldb",
            "org.apache.derby:derby");
    private static final List<String> COMPOSE_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
            "docker-compose.yml");
    private static final Pattern COMPOSE_DATABASE_IMAGE = Pattern.compile(
            "(?im)^\\s*image:\\s*['\"]?[\\w./-]*(postgres|mysql|mariadb|oracle|mssql|sqlserver|db2|clickhouse)");

    private final ProjectLayout layout;
    private final String serviceConnection;
    private final String dynamicProperty;
    private final String testDatabase;

    DatasourceReplacement(ProjectLayout layout, List<TypeDeclaration> chain, List<TypeDeclaration> configurations) {
        this.layout = layout;
        this.serviceConnection = first(configurations, DatasourceReplacement::serviceConnection);
        this.dynamicProperty = first(chain, DatasourceReplacement::dynamicProperty);
        this.testDatabase = testDatabase(chain);
    }

    /** What the configuration alone can switch on for every test (Docker Compose), without a test class's own. */
    static DatasourceReplacement forEveryTest(ProjectLayout layout) {
        return new DatasourceReplacement(layout, List.of(), List.of());
    }

    /** Whether the class itself declares a replacement; Docker Compose, switched on by configuration, is not counted. */
    @Override
    public boolean mayApply() {
        return serviceConnection != null || dynamicProperty != null || testDatabase != null;
    }

    @Override
    public String reason(PropertyLookup effective) {
        if (serviceConnection != null) {
            return serviceConnection;
        }
        if (dynamicProperty != null) {
            return dynamicProperty;
        }
        String embedded = EMBEDDED.stream().filter(layout.dependencies()::contains).findFirst().orElse(null);
        String replace = effective.resolvedValue("spring.test.database.replace");
        if (testDatabase != null && embedded != null && !"none".equalsIgnoreCase(replace == null ? "" : replace.trim())) {
            return testDatabase + " with the embedded database of " + embedded;
        }
        return dockerCompose(effective);
    }

    private static String first(List<TypeDeclaration> types, java.util.function.Function<TypeDeclaration, String> find) {
        for (TypeDeclaration type : types) {
            String found = find.apply(type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String serviceConnection(TypeDeclaration type) {
        for (MemberDeclaration m : type.members()) {
            AnnotationUse sc = m.annotations().stream().filter(a -> a.name().equals("ServiceConnection")).findFirst()
                    .orElse(null);
            if (sc != null && (JDBC_CONTAINER.matcher(m.declaration()).find() || namesJdbcService(sc))) {
                return "the Testcontainers @ServiceConnection " + (m.kind() == MemberDeclaration.Kind.FIELD ? "field" : "bean")
                        + " " + memberName(m) + " (" + where(type, sc.line()) + ")";
            }
        }
        return null;
    }

    private static boolean namesJdbcService(AnnotationUse sc) {
        var name = sc.firstOf("name", "value");
        return name != null && name.values().stream().anyMatch(n -> JDBC_SERVICE_NAME.matcher(n).matches());
    }

    private static String dynamicProperty(TypeDeclaration type) {
        for (MemberDeclaration m : type.members()) {
            AnnotationUse dynamic = m.annotations().stream().filter(a -> a.name().equals("DynamicPropertySource"))
                    .findFirst().orElse(null);
            if (dynamic != null && DYNAMIC_URL.matcher(m.body()).find()) {
                return "the @DynamicPropertySource method " + memberName(m) + " (" + where(type, dynamic.line())
                        + "), which sets spring.datasource.url from a container's getJdbcUrl()";
            }
        }
        return null;
    }

    /** The {@code @AutoConfigureTestDatabase} in effect (its own, or a slice's), unless it says {@code NONE}. */
    private static String testDatabase(List<TypeDeclaration> chain) {
        for (TypeDeclaration type : chain) {
            AnnotationUse explicit = type.annotation("AutoConfigureTestDatabase").orElse(null);
            if (explicit != null) {
                var replace = explicit.attribute("replace");
                boolean none = replace != null && replace.raw().replace(" ", "").endsWith("NONE");
                return none ? null : "@AutoConfigureTestDatabase (" + where(type, explicit.line()) + ")";
            }
        }
        for (TypeDeclaration type : chain) {
            for (AnnotationUse a : type.annotations()) {
                if (SLICES_WITH_TEST_DATABASE.contains(a.name())) {
                    return "@" + a.name() + "'s @AutoConfigureTestDatabase (" + where(type, a.line()) + ")";
                }
            }
        }
        return null;
    }

    private String dockerCompose(PropertyLookup effective) {
        if (!layout.dependencies().contains("org.springframework.boot:spring-boot-docker-compose")
                || !"false".equalsIgnoreCase(trimmed(effective.resolvedValue("spring.docker.compose.skip.in-tests")))
                || "false".equalsIgnoreCase(trimmed(effective.resolvedValue("spring.docker.compose.enabled")))) {
            return null;
        }
        String configured = effective.resolvedValue("spring.docker.compose.file");
        configured = configured == null || configured.isBlank() ? null : configured.trim().replaceFirst("^file:", "");
        List<String> candidates = configured != null ? List.of(configured) : COMPOSE_FILES;
        for (String name : candidates) {
            Path file = layout.basedir().resolve(name);
            if (Files.isRegularFile(file) && COMPOSE_DATABASE_IMAGE.matcher(read(file)).find()) {
                return "Spring Boot's Docker Compose support (spring.docker.compose.skip.in-tests=false, "
                        + effective.find("spring.docker.compose.skip.in-tests").provenance() + "), which connects to the"
                        + " database service of " + layout.display(file);
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String memberName(MemberDeclaration m) {
        String head = m.declaration().split(" = ")[0].split(" \\(")[0].trim();
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private static String where(TypeDeclaration type, int line) {
        return type.file().getFileName() + ":" + line;
    }
}
