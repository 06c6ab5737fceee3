package dev.testguard.runtime.arm;

import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The after-test verdict of the runtime guard for one build: reads the records the forks wrote for this build's
 * token and the test reports written since arming, and says which connections were refused, which internal errors
 * the guard hit, which test classes ran unguarded (no fork marker of this token in their report), and every
 * database the tests touched. Knows nothing of Maven.
 */
public final class RuntimeCheck {

    private final Path recordsDirectory;
    private final String token;
    private final Instant armedAt;
    private final List<Path> reportDirectories;

    /**
     * @param recordsDirectory  where forks write {@code <token>-<pid>.jsonl}
     * @param token             this build's arming token
     * @param armedAt           when the guard was armed: older test reports belong to an earlier build
     * @param reportDirectories surefire-reports / failsafe-reports of the test runs to check
     */
    public RuntimeCheck(Path recordsDirectory, String token, Instant armedAt, List<Path> reportDirectories) {
        this.recordsDirectory = recordsDirectory;
        this.token = token;
        this.armedAt = armedAt;
        this.reportDirectories = List.copyOf(reportDirectories);
    }

    public RuntimeVerdict check() {
        List<RuntimeRecord> records = RuntimeRecords.read(recordsDirectory, token);
        Set<Long> forks = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (RuntimeRecord r : records) {
            if (RuntimeRecord.ARMED.equals(r.event())) {
                forks.add(r.pid());
            } else if (RuntimeRecord.ERROR.equals(r.event())) {
                errors.add((r.url() == null ? "" : r.url() + ": ") + r.message());
            }
        }
        List<TestReports.Suite> suites = TestReports.read(reportDirectories, armedAt, AgentOptions.FORK_MARKER);
        String expected = "armed:" + token;
        List<String> unguarded = suites.stream().filter(s -> !expected.equals(s.marker()))
                .map(TestReports.Suite::testClass).distinct().sorted().toList();
        return new RuntimeVerdict(databases(records), errors, unguarded, forks.size(), suites.size());
    }

    /**
     * Connection records summed over forks and grouped by physical database: within a fork the highest count of a
     * (URL, database, verdict, test class) wins (the fork rewrites it as it grows); forks, URL spellings and test
     * classes add up under the database's name.
     */
    static List<TouchedDatabase> databases(List<RuntimeRecord> records) {
        Map<List<Object>, RuntimeRecord> latest = new LinkedHashMap<>();
        for (RuntimeRecord r : records) {
            if (!RuntimeRecord.CONNECTION.equals(r.event())) {
                continue;
            }
            List<Object> key = java.util.Arrays.asList(r.pid(), r.url(), r.database(), r.verdict(), r.rule(),
                    r.isRefusal(), r.testClass());
            latest.merge(key, r, (a, b) -> count(b) >= count(a) ? b : a);
        }
        Map<List<Object>, TouchedDatabase> sums = new LinkedHashMap<>();
        for (RuntimeRecord r : latest.values()) {
            Set<String> classes = r.testClass() == null ? Set.of() : Set.of(r.testClass());
            TouchedDatabase one = new TouchedDatabase(r.url(), database(r), r.verdict(), r.rule(), r.reason(),
                    r.isRefusal(), classes, count(r));
            sums.merge(java.util.Arrays.asList(one.name(), r.verdict(), r.rule(), r.isRefusal()), one,
                    RuntimeCheck::add);
        }
        return new ArrayList<>(sums.values());
    }

    /** The record's physical database; null when the guard could not read one from its URL. */
    private static String database(RuntimeRecord r) {
        return RuntimeRecord.UNREADABLE.equals(r.database()) ? null : r.database();
    }

    private static TouchedDatabase add(TouchedDatabase a, TouchedDatabase b) {
        Set<String> classes = new LinkedHashSet<>(a.testClasses());
        classes.addAll(b.testClasses());
        Set<String> urls = new LinkedHashSet<>(a.urls());
        urls.addAll(b.urls());
        return new TouchedDatabase(a.url(), a.database(), a.verdict(), a.rule(),
                Objects.requireNonNullElse(a.reason(), b.reason()), a.refused(), classes, a.count() + b.count(), urls);
    }

    private static long count(RuntimeRecord r) {
        return r.count() == null ? 1 : r.count();
    }
}
