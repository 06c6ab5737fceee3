package dev.testguard.report;

import dev.testguard.policy.Classification;
import java.util.List;

/** The text of the build failure: every offending URL with its source, the rule it broke and the fix. */
public final class FailureMessage {

    private FailureMessage() {
    }

    public static String of(Report report, String reportPath) {
        List<ReportEntry> offending = report.entries(Classification.PROTECTED);
        StringBuilder sb = new StringBuilder();
        sb.append("testguard stopped the build before any test ran: ")
                .append(offending.size() == 1 ? "1 JDBC URL points" : offending.size() + " JDBC URLs point")
                .append(" at a database that is not a test database.\n");
        int i = 1;
        for (ReportEntry e : offending) {
            sb.append('\n').append(i++).append(") ").append(e.url()).append('\n');
            sb.append("   source: ").append(e.source());
            if (e.key() != null) {
                sb.append(" (").append(e.key()).append(')');
            }
            if (!e.testRuns().isEmpty()) {
                sb.append(", seen by ").append(String.join(", ", e.testRuns()));
            }
            sb.append(e.testClassNote());
            sb.append('\n');
            sb.append("   rule:   ").append(e.rule()).append(": ").append(e.reason()).append('\n');
            if (e.fix() != null) {
                sb.append("   fix:    ").append(e.fix().replace("\n", "\n           ")).append('\n');
            }
        }
        sb.append("\nFull report: ").append(reportPath).append(". To accept one exact database anyway, name it in")
                .append(" <allowDatabases> or -Dtestguard.allow=host:port/db (every use is logged as an override).");
        return sb.toString();
    }
}
