package dev.testguard.report;

import dev.testguard.policy.Classification;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one {@code verify}: every URL the tests would see, classified.
 *
 * @param project     groupId:artifactId
 * @param phase       the lifecycle phase verify ran in (decides which plugins were checked)
 * @param generatedAt when
 * @param offline     true when live checks were skipped
 * @param testRuns    test runs checked, e.g. {@code maven-surefire-plugin:default-test}
 * @param skippedRuns test runs that will not run, with the reason (e.g. {@code ...:default-test (skipTests=true)})
 * @param warnings    things the user should know that do not fail the build
 * @param entries     one per distinct URL and source
 * @param millis      how long discovery, live checks and classification took
 */
public record Report(
        String project,
        String phase,
        Instant generatedAt,
        boolean offline,
        List<String> testRuns,
        List<String> skippedRuns,
        List<String> warnings,
        List<ReportEntry> entries,
        long millis) {

    public Report {
        testRuns = List.copyOf(testRuns);
        skippedRuns = List.copyOf(skippedRuns);
        warnings = List.copyOf(warnings);
        entries = List.copyOf(entries);
    }

    public List<ReportEntry> entries(Classification classification) {
        return entries.stream().filter(e -> e.classification() == classification).toList();
    }

    public boolean hasProtected() {
        return !entries(Classification.PROTECTED).isEmpty();
    }
}
