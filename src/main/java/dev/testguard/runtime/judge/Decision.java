package dev.testguard.runtime.judge;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.policy.Verdict;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the guard knows about one spelling of a connection (URL and properties): the parsed URL, the physical
 * database it names, its masked form (computed once), the verdict once known, and the tally of each test class
 * that opened it, so a repeat connection costs map lookups and an increment.
 */
final class Decision {

    /** The map key of connections opened outside any test class. */
    private static final String NO_TEST_CLASS = "";

    private final DiscoveredUrl source;
    private final JdbcUrl url;
    private final DatabaseKey key;
    private final String maskedUrl;
    private final Map<String, ConnectionLog.Tally> tallies = new ConcurrentHashMap<>();
    private final Verdict staticVerdict;
    private volatile Verdict verdict;

    Decision(DiscoveredUrl source, JdbcUrl url, DatabaseKey key, String maskedUrl, Verdict verdict,
            Verdict staticVerdict) {
        this.source = source;
        this.url = url;
        this.key = key;
        this.maskedUrl = maskedUrl;
        this.verdict = verdict;
        this.staticVerdict = staticVerdict;
    }

    /** What the static rules said when the verdict was not known yet (null when it was). */
    Verdict staticVerdict() {
        return staticVerdict;
    }

    DiscoveredUrl source() {
        return source;
    }

    JdbcUrl url() {
        return url;
    }

    DatabaseKey key() {
        return key;
    }

    String maskedUrl() {
        return maskedUrl;
    }

    /** The verdict, or null while the live rules have not run for this database. */
    Verdict verdict() {
        return verdict;
    }

    void verdict(Verdict known) {
        verdict = known;
    }

    /** The tally of this test class (null: none on the stack), or null the first time it opens this spelling. */
    ConnectionLog.Tally tally(String testClass) {
        return tallies.get(testClass == null ? NO_TEST_CLASS : testClass);
    }

    void tally(String testClass, ConnectionLog.Tally tally) {
        tallies.putIfAbsent(testClass == null ? NO_TEST_CLASS : testClass, tally);
    }
}
