package dev.testguard.report;

import dev.testguard.policy.Classification;
import java.util.ArrayList;
import java.util.List;

/** Renders the report as the compact table printed in the build log: one line per URL, grouped by class. */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static List<String> render(Report report) {
        List<String> lines = new ArrayList<>();
        lines.add("testguard: " + report.entries().size() + " JDBC URL(s) checked for "
                + (report.testRuns().isEmpty() ? "no test run" : String.join(", ", report.testRuns()))
                + " in " + report.millis() + " ms" + (report.offline() ? " (offline: no live checks)" : ""));
        for (String skipped : report.skippedRuns()) {
            lines.add("  skipped test run: " + skipped);
        }
        for (Classification c : List.of(Classification.PROTECTED, Classification.UNRESOLVED,
                Classification.TEST, Classification.EPHEMERAL)) {
            List<ReportEntry> entries = report.entries(c);
            if (entries.isEmpty()) {
                continue;
            }
            lines.add(String.format("  %-10s %d", c, entries.size()));
            for (ReportEntry e : entries) {
                lines.add("    " + e.url());
                lines.add("      from " + e.source() + (e.key() == null ? "" : " (" + e.key() + ")")
                        + (e.testRuns().isEmpty() ? "" : ", seen by " + String.join(", ", e.testRuns()))
                        + e.testClassNote());
                lines.add("      " + (e.rule() == null ? "" : "[" + e.rule() + "] ") + e.reason());
                if (e.live() != null) {
                    lines.add("      live: " + e.live());
                }
                for (String o : e.overrides()) {
                    lines.add("      OVERRIDE " + o);
                }
                for (String l : e.lifted()) {
                    lines.add("      lifted: " + l);
                }
            }
        }
        if (report.entries().isEmpty()) {
            lines.add("  no JDBC URL found: tests use none, or an embedded/Dev Services database");
        }
        return lines;
    }
}
