package dev.testguard.report;

import dev.testguard.policy.Classification;
import java.util.List;

/**
 * One JDBC URL in the report, with everything a user needs to act on it. Nothing here holds a password.
 *
 * @param url            the URL, masked
 * @param classification its class
 * @param rule           the rule that decided, or null
 * @param reason         why, in words
 * @param fix            what to do (PROTECTED and UNRESOLVED only), or null
 * @param key            the property or variable that holds it
 * @param source         where it was written (file:line, POM element, variable)
 * @param testRuns       the test runs that see it; empty for build-time uses (migration plugins)
 * @param live           what the live check found, e.g. {@code reachable, stamped test} or {@code not reachable}
 * @param overrides      overrides that lifted a failing rule, e.g. {@code host (allowDatabases: db1:5432/app_test)}
 * @param lifted         the exact database each override lifted, e.g.
 *                       {@code postgresql localhost:5432/petclinic (allowed by localhost/petclinic)}
 */
public record ReportEntry(
        String url,
        Classification classification,
        String rule,
        String reason,
        String fix,
        String key,
        String source,
        List<String> testRuns,
        String live,
        List<String> overrides,
        List<String> lifted) {

    public ReportEntry {
        testRuns = List.copyOf(testRuns);
        overrides = List.copyOf(overrides);
        lifted = lifted == null ? List.of() : List.copyOf(lifted);
    }

    public ReportEntry(String url, Classification classification, String rule, String reason, String fix, String key,
                       String source, List<String> testRuns, String live, List<String> overrides) {
        this(url, classification, rule, reason, fix, key, source, testRuns, live, overrides, List.of());
    }
}
