package dev.testguard.runtime.judge;

import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fork's record file: {@code armed} at start, one {@code connection} record the first time a (database, verdict,
 * test class) is seen, every refusal before its exception is thrown, and the final counts at exit.
 */
public final class ConnectionLog {

    private final Path file;
    private final String token;
    private final long pid;
    private final Map<Sighting, AtomicLong> counts = new ConcurrentHashMap<>();

    /** One kind of connection as the records group them. */
    record Sighting(String maskedUrl, String database, String verdict, String rule, String reason, boolean refused,
            String testClass) {
    }

    public ConnectionLog(Path recordsDirectory, String token, long pid) {
        this.file = RuntimeRecords.fileFor(recordsDirectory, token, pid);
        this.token = token;
        this.pid = pid;
    }

    public Path file() {
        return file;
    }

    public void armed() throws IOException {
        RuntimeRecords.append(file, RuntimeRecord.armed(token, pid, Runtime.version().toString()));
    }

    /** Counts one connection; the first of its kind, and every refusal, reach the file before this returns. */
    void connection(Sighting sighting) throws IOException {
        AtomicLong count = counts.get(sighting);
        if (count == null) {
            AtomicLong fresh = new AtomicLong();
            count = counts.putIfAbsent(sighting, fresh);
            if (count == null) {
                count = fresh;
            }
        }
        long now = count.incrementAndGet();
        if (now == 1 || sighting.refused()) {
            append(sighting, now);
        }
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

    /** At exit: the final count of every kind seen more than once. */
    public void writeCounts() {
        counts.forEach((sighting, count) -> {
            if (count.get() > 1) {
                try {
                    append(sighting, count.get());
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
