package dev.testguard.report.ci;

import dev.testguard.policy.Classification;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import java.time.Instant;
import java.util.List;

final class CiFixtures {

    static final ReportEntry PROTECTED = new ReportEntry("jdbc:postgresql://localhost:5432/orders_dev?password=****",
            Classification.PROTECTED, "name", "The database name 'orders_dev' holds the forbidden token 'dev'.",
            "Point the tests at a database made for them, for example 'orders_test'.", "orders.db.url",
            "pom.xml:30 maven-surefire-plugin (default-test) <systemPropertyVariables><orders.db.url>",
            List.of("maven-surefire-plugin:default-test"), "offline", List.of());
    static final ReportEntry FROM_ENV = new ReportEntry("jdbc:mysql://db.example.com/app_test", Classification.PROTECTED,
            "host", "db.example.com is not a local host, 50% sure, a, b: c", null, "DATABASE_URL",
            "environment variable DATABASE_URL", List.of(), "offline", List.of());
    static final ReportEntry SAFE = new ReportEntry("jdbc:h2:mem:notes_test", Classification.EPHEMERAL, "ephemeral",
            "It is an in-memory database.", null, "app.datasource.url", "src/test/resources/application.properties:2",
            List.of(), "offline", List.of());
    static final ReportEntry UNRESOLVED = new ReportEntry("jdbc:postgresql://${DB_HOST}/x_test", Classification.UNRESOLVED,
            null, "DB_HOST is not set", null, "u", "src/test/resources/application.yml:4", List.of(), "offline", List.of());

    static Report report(ReportEntry... entries) {
        return new Report("com.example:orders", "process-test-resources", Instant.parse("2026-12-01T10:00:00Z"), true,
                List.of("maven-surefire-plugin:default-test"), List.of(), List.of(), List.of(entries), 42);
    }

    private CiFixtures() {
    }
}
