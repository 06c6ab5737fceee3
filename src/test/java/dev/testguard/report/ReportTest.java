package dev.testguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.Classification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final ReportEntry PROTECTED = new ReportEntry("jdbc:postgresql://db.example.com/orders",
            Classification.PROTECTED, "host", "Host db.example.com is not local.", "Point the tests at localhost.\nor unset X",
            "spring.datasource.url", "src/main/resources/application.properties:3",
            List.of("maven-surefire-plugin:default-test"), "not reachable", List.of());
    private static final ReportEntry EPHEMERAL = new ReportEntry("jdbc:h2:mem:t", Classification.EPHEMERAL, "ephemeral",
            "In-memory database.", null, "app.url", "pom.xml:20 maven-surefire-plugin (default-test) <argLine>",
            List.of("maven-surefire-plugin:default-test"), null, List.of("host (allowed by x/y)"));

    private static Report report(ReportEntry... entries) {
        return new Report("g:a", "process-test-resources", Instant.parse("2026-11-24T00:00:00Z"), false,
                List.of("maven-surefire-plugin:default-test"), List.of("maven-failsafe-plugin:default (skipITs=true)"),
                List.of(), List.of(entries), 42);
    }

    @Test
    void consoleGroupsByClassWithProtectedFirst() {
        List<String> lines = ConsoleReport.render(report(EPHEMERAL, PROTECTED));
        assertThat(lines.get(0)).isEqualTo("testguard: 2 JDBC URL(s) checked for maven-surefire-plugin:default-test in 42 ms");
        assertThat(lines).contains("  skipped test run: maven-failsafe-plugin:default (skipITs=true)",
                "      live: not reachable", "      OVERRIDE host (allowed by x/y)");
        assertThat(String.join("\n", lines)).containsSubsequence("PROTECTED  1", "db.example.com", "EPHEMERAL  1", "h2:mem");
    }

    @Test
    void consoleSaysSoWhenNoUrlWasFound() {
        assertThat(ConsoleReport.render(report())).anyMatch(l -> l.contains("no JDBC URL found"));
    }

    @Test
    void failureMessageListsEveryOffenderWithSourceRuleAndFix() {
        String message = FailureMessage.of(report(EPHEMERAL, PROTECTED), "target/testguard/report.json");
        assertThat(message)
                .startsWith("testguard stopped the build before any test ran: 1 JDBC URL points at a database")
                .contains("1) jdbc:postgresql://db.example.com/orders")
                .contains("source: src/main/resources/application.properties:3 (spring.datasource.url), seen by maven-surefire-plugin:default-test")
                .contains("rule:   host: Host db.example.com is not local.")
                .contains("fix:    Point the tests at localhost.\n           or unset X")
                .contains("Full report: target/testguard/report.json")
                .doesNotContain("h2:mem");
    }

    @Test
    void jsonReportIsWrittenAtomicallyWithCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("testguard/report.json");
        JsonReport.write(report(EPHEMERAL, PROTECTED), file);
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
        assertThat(tree).containsEntry("project", "g:a").containsEntry("counts", Map.of("PROTECTED", 1, "EPHEMERAL", 1));
        assertThat((List<?>) tree.get("urls")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) tree.get("urls")).get(1)).get("overrides")).isEqualTo(List.of());
        assertThat(((Map<?, ?>) ((List<?>) tree.get("urls")).get(0)).get("fix")).isNull();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void eachVerifyExecutionOfAModuleHasItsOwnReportFile(@TempDir Path dir) throws Exception {
        assertThat(ReportFiles.of(dir, true, "pre-it")).isEqualTo(dir.resolve("report.json"));
        assertThat(ReportFiles.of(dir, true, null)).isEqualTo(dir.resolve("report.json"));
        assertThat(ReportFiles.of(dir, false, "pre-it")).isEqualTo(dir.resolve("report-pre-it.json"));
        assertThat(ReportFiles.of(dir, false, "default-cli")).isEqualTo(dir.resolve("report-default-cli.json"));
        assertThat(ReportFiles.of(dir, false, " re check/2 ")).isEqualTo(dir.resolve("report-re_check_2.json"));
        JsonReport.write(report(PROTECTED), ReportFiles.of(dir, true, "default"));
        JsonReport.write(report(EPHEMERAL), ReportFiles.of(dir, false, "pre-it"));
        assertThat(Files.readString(dir.resolve("report.json"))).contains("db.example.com").doesNotContain("h2:mem");
        assertThat(Files.readString(dir.resolve("report-pre-it.json"))).contains("h2:mem").doesNotContain("db.example.com");
    }
}
