package dev.testguard.discovery;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.UrlStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * URLs handed to the fork directly: any system property whose value is a JDBC URL, and any environment
 * variable holding a JDBC or URL-style ({@code postgres://user:pw@host/db}) database URL.
 * Variables that a detected framework reads with its own precedence ({@code SPRING_*} under Spring Boot,
 * {@code QUARKUS_*} under Quarkus, {@code DATASOURCES_*} under Micronaut) are left to that framework's source,
 * which knows whether something beats them.
 */
public final class RuntimeUrlSource implements UrlSource {

    /** Heroku-style neighbours of {@code JDBC_DATABASE_URL} / {@code DATABASE_URL}. */
    private static final Map<String, String[]> CREDENTIAL_NEIGHBOURS = Map.of(
            "JDBC_DATABASE_URL", new String[] {"JDBC_DATABASE_USERNAME", "JDBC_DATABASE_PASSWORD"},
            "DATABASE_URL", new String[] {"DATABASE_USERNAME", "DATABASE_PASSWORD"},
            "DB_URL", new String[] {"DB_USERNAME", "DB_PASSWORD"});

    private final FrameworkDetector detector = new FrameworkDetector();

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        List<DiscoveredUrl> found = new ArrayList<>();
        runtime.systemProperties().forEach((key, value) -> {
            if (UrlStyle.isConnectionUrl(value.value())) {
                UrlStyle.toJdbc(value.value()).ifPresent(c -> found.add(
                        DiscoveredUrl.of(key, c.jdbcUrl(), value.provenance(), runtime.name()).withCredentials(c.credentials())));
            }
        });
        Set<String> leftToFrameworks = frameworkPrefixes(layout);
        runtime.environment().forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            if (value.value() == null || leftToFrameworks.stream().anyMatch(upper::startsWith)) {
                return;
            }
            Optional<UrlStyle.Converted> converted = UrlStyle.toJdbc(value.value().trim());
            converted.ifPresent(c -> {
                Credentials neighbours = neighbours(runtime, upper);
                found.add(DiscoveredUrl.of(name, c.jdbcUrl(), value.provenance(), runtime.name())
                        .withCredentials(c.credentials().orElse(neighbours)));
            });
        });
        return found;
    }

    private Set<String> frameworkPrefixes(ProjectLayout layout) {
        Set<String> prefixes = new java.util.HashSet<>();
        Set<FrameworkDetector.Framework> frameworks = detector.detect(layout);
        if (frameworks.contains(FrameworkDetector.Framework.SPRING_BOOT)) {
            prefixes.add("SPRING_");
        }
        if (frameworks.contains(FrameworkDetector.Framework.QUARKUS)) {
            prefixes.add("QUARKUS_");
            prefixes.add("_");
        }
        if (frameworks.contains(FrameworkDetector.Framework.MICRONAUT)) {
            prefixes.add("DATASOURCES_");
        }
        return prefixes;
    }

    private static Credentials neighbours(TestRuntime runtime, String variable) {
        String[] names = CREDENTIAL_NEIGHBOURS.get(variable);
        return names == null ? Credentials.NONE : new Credentials(runtime.env(names[0]), runtime.env(names[1]));
    }
}
