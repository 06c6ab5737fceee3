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
 * @param testClasses    the test classes that see it because of their own annotations ({@code @ActiveProfiles},
 *                       {@code @TestPropertySource}...), with their source; empty when every test of the runs sees it
 * @param activation     why the configuration holding it applies to those classes, e.g.
 *                       {@code profile mysql from @ActiveProfiles}; null when nothing class-specific did
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
        List<String> testClasses,
        String activation,
        List<String> lifted) {

    public ReportEntry {
        testRuns = List.copyOf(testRuns);
        overrides = List.copyOf(overrides);
        testClasses = testClasses == null ? List.of() : List.copyOf(testClasses);
        lifted = lifted == null ? List.of() : List.copyOf(lifted);
    }

    public ReportEntry(String url, Classification classification, String rule, String reason, String fix, String key,
                       String source, List<String> testRuns, String live, List<String> overrides) {
        this(url, classification, rule, reason, fix, key, source, testRuns, live, overrides, List.of(), null, List.of());
    }

    /** {@code , for test class A (profile mysql from @ActiveProfiles)} or empty: who sees it, and why. */
    public String testClassNote() {
        if (testClasses.isEmpty()) {
            return "";
        }
        return (testClasses.size() == 1 ? ", for test class " : ", for test classes ") + String.join(", ", testClasses)
                + (activation == null ? "" : " (" + activation + ")");
    }
}
