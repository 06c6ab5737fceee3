package dev.testguard.runtime.judge;

import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fork's record file (the bootstrap agent wrote {@code armed} at start): one {@code connection} record the first time a (database, verdict,
 * test class) is seen, every refusal before its exception is thrown, and the final counts at exit. Between first
 * sight and exit a connection of a known kind costs one increment of its {@link Tally}.
 */
public final class ConnectionLog {

    private final Path file;
    private final String token;
    private final long pid;
    private final Map<Sighting, Tally> tallies = new ConcurrentHashMap<>();
    /** What adds the counts kept elsewhere meanwhile (a thread's repeat borrows) to their tallies, before the final counts. */
    private final List<Runnable> beforeCounts = new CopyOnWriteArrayList<>();

    /** One kind of connection as the records group them. */
    record Sighting(String maskedUrl, String database, String verdict, String rule, String reason, boolean refused,
            String testClass) {

        // written out, as DatabaseKey's: no ObjectMethods bootstrap at the first record; the same components
        @Override
        public boolean equals(Object other) {
            return other instanceof Sighting s && refused == s.refused && Objects.equals(maskedUrl, s.maskedUrl)
                    && Objects.equals(database, s.database) && Objects.equals(verdict, s.verdict)
                    && Objects.equals(rule, s.rule) && Objects.equals(reason, s.reason)
                    && Objects.equals(testClass, s.testClass);
        }

        @Override
        public int hashCode() {
            return Objects.hash(maskedUrl, database, verdict, rule, reason, refused, testClass);
        }
    }

    /** How many connections of one kind the fork opened so far. */
    static final class Tally {

        private final AtomicLong count = new AtomicLong();

        void increment() {
            count.incrementAndGet();
        }

        void add(long n) {
            count.addAndGet(n);
        }

        long count() {
            return count.get();
        }
    }

    public ConnectionLog(Path recordsDirectory, String token, long pid) {
        this.file = RuntimeRecords.fileFor(recordsDirectory, token, pid);
        this.token = token;
        this.pid = pid;
    }

    public Path file() {
        return file;
    }

    /**
     * Counts one connection and returns the tally of its kind, which counts the next ones; the first of its kind,
     * and every refusal, reach the file before this returns.
     */
    Tally connection(Sighting sighting) throws IOException {
        Tally tally = tallies.get(sighting);
        if (tally == null) {
            Tally fresh = new Tally();
            tally = tallies.putIfAbsent(sighting, fresh);
            if (tally == null) {
                tally = fresh;
            }
        }
        tally.count.incrementAndGet();
        long now = tally.count();
        if (now == 1 || sighting.refused()) {
            append(sighting, now);
        }
        return tally;
    }

    void error(String maskedUrl, String message) {
        try {
            RuntimeRecords.append(file, RuntimeRecord.error(token, pid, maskedUrl, message));
        } catch (IOException | RuntimeException e) {
            // the refusal is thrown anyway; the build sees a fork whose records are short
        }
    }

    /** A driver or data source class the guard could not weave: the build must not trust this fork. */
    public void weavingError(String message) {
        error(null, "testguard could not weave " + message);
    }

    /** {@code flush} runs before the final counts are written: it adds the counts it kept to their tallies. */
    void beforeCounts(Runnable flush) {
        beforeCounts.add(flush);
    }

    /** At exit: the final count of every kind seen more than once. */
    public void writeCounts() {
        beforeCounts.forEach(Runnable::run);
        tallies.forEach((sighting, tally) -> {
            if (tally.count() > 1) {
                try {
                    append(sighting, tally.count());
                } catch (IOException | RuntimeException e) {
                    // the JVM is going down: the first-sight records are there already
                }
            }
        });
    }

    private void append(Sighting s, long count) throws IOException {
        RuntimeRecords.append(file, RuntimeRecord.connection(token, pid, s.maskedUrl(), s.database(), s.verdict(),
                s.rule(), s.reason(), s.refused(), s.testClass(), count));
    }
}
