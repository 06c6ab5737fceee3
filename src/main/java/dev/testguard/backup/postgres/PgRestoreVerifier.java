package dev.testguard.backup.postgres;

import dev.testguard.backup.Beside;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RestoredContent;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a restore into a new database while {@code pg_restore} is still running: as soon as {@code pg_restore --verbose}
 * reports a table's data loaded (and committed), that table's exact row count and, where the manifest has one, its
 * content checksum are taken on a connection of its own, beside the index and constraint builds that follow. Nothing
 * writes a table's rows after its own data load (a table with inheritance children or a partition, whose rows other
 * loads may write, is left for the end). {@link #finish} then counts and checksums whatever was not done yet, so every
 * table is verified exactly once, with exact counts and the same checksums as before.
 */
final class PgRestoreVerifier implements AutoCloseable {

    /** Parallel pg_restore: the leader reports an item done once its worker has committed it. */
    private static final Pattern PARALLEL_DONE = Pattern.compile("finished item \\d+ TABLE DATA (.+)$");
    /** Sequential pg_restore: the data of "schema.table" starts loading; it is done when the next item starts. */
    private static final Pattern SEQUENTIAL_START = Pattern.compile("processing data for table \"(.+)\"$");
    /** Sequential pg_restore: the next item starts (not a warning or a server notice, which may come mid-load). */
    private static final Pattern SEQUENTIAL_NEXT = Pattern.compile("^pg_restore: (creating|processing|executing) ");
    private static final String[] END = new String[0];

    private final DatabaseTarget restored;
    private final Map<String, String> expectedSums;
    private final boolean parallel;
    private final BlockingQueue<String[]> loaded = new LinkedBlockingQueue<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Map<String, String> sums = new ConcurrentHashMap<>();
    private final Beside<Void> worker;
    private final AtomicInteger whileRunning = new AtomicInteger();
    private volatile boolean restoreDone;
    private String loading;

    /** {@code parallel}: pg_restore runs with {@code --jobs} above 1 (its verbose output differs). */
    PgRestoreVerifier(DatabaseTarget restored, Manifest manifest, boolean parallel) {
        this(restored, RestoredContent.expectedChecksums(manifest), parallel);
    }

    /** Row counts alone, no checksums: {@link #finishCounts}. */
    static PgRestoreVerifier countsOnly(DatabaseTarget restored, boolean parallel) {
        return new PgRestoreVerifier(restored, Map.of(), parallel);
    }

    private PgRestoreVerifier(DatabaseTarget restored, Map<String, String> expectedSums, boolean parallel) {
        this.restored = restored;
        this.expectedSums = expectedSums;
        this.parallel = parallel;
        this.worker = Beside.start("pg-restore-verifier", this::verifyAsLoaded);
    }

    /** Receives pg_restore's {@code --verbose} lines, in order. */
    void onToolLine(String line) {
        if (!parallel && loading != null && SEQUENTIAL_NEXT.matcher(line).find()) {
            loaded.add(new String[] {loading, "qualified"});
            loading = null;
        }
        Matcher m = (parallel ? PARALLEL_DONE : SEQUENTIAL_START).matcher(line);
        if (m.find()) {
            if (parallel) {
                loaded.add(new String[] {m.group(1)});
            } else {
                loading = m.group(1);
            }
        }
    }

    /** pg_restore has ended: from now on no table is verified "while it ran". */
    void restoreEnded() {
        restoreDone = true;
    }

    /** After pg_restore succeeded: the content of every table over {@code c}, compared with the manifest. */
    RestoredContent finish(Manifest manifest, Connection c) throws SQLException {
        return finish(manifest, c, Set.of());
    }

    /** As above, leaving out the tables of the {@code leftOut} schemas (an in-place restore's set-aside content). */
    RestoredContent finish(Manifest manifest, Connection c, Set<String> leftOut) throws SQLException {
        Map<String, Long> rows = finishCounts(c);
        rows.keySet().removeIf(table -> leftOut.contains(table.substring(0, table.indexOf('.'))));
        Map<String, String> actual = new java.util.TreeMap<>(sums);
        Map<String, String> rest = new java.util.TreeMap<>(expectedSums);
        rest.keySet().removeAll(sums.keySet());
        actual.putAll(TableChecksums.matching(c, rest));
        return RestoredContent.compare(manifest, rows, actual);
    }

    /** After pg_restore succeeded: the exact row count of every table, those not counted yet counted now over {@code c}. */
    Map<String, Long> finishCounts(Connection c) throws SQLException {
        restoreEnded();
        close();
        return PostgresAdmin.exactRowCounts(c, counts);
    }

    /** The tables verified as their data was reported loaded (not by {@link #finish}), sorted. */
    Set<String> verifiedAsLoaded() {
        return new java.util.TreeSet<>(counts.keySet());
    }

    /** How many tables were verified while pg_restore was still running. */
    int verifiedWhileRestoring() {
        return whileRunning.get();
    }

    /** Stops the verifying thread (it finishes the table at hand) and closes its connection. */
    @Override
    public void close() {
        loaded.add(END);
        worker.await();
    }

    private Void verifyAsLoaded() throws SQLException {
        try (Connection c = Connections.open(restored, Duration.ofSeconds(10))) {
            PgDumpEngine.countingBeside(c, true, false);
            for (String[] t = loaded.take(); t != END; t = loaded.take()) {
                verifyTable(c, t[0], t.length > 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** A table that cannot be told apart, or whose count fails, is left for {@link #finish}. */
    private void verifyTable(Connection c, String name, boolean qualified) {
        try {
            String[] t = PostgresAdmin.tableLoadedAlone(c, name, qualified);
            if (t == null) {
                return;
            }
            String table = t[0] + "." + t[1];
            if (expectedSums.containsKey(table)) {
                sums.putAll(TableChecksums.matching(c, Map.of(table, expectedSums.get(table))));
            }
            counts.put(table, PostgresAdmin.exactRowCount(c, t[0], t[1]));
            if (!restoreDone) {
                whileRunning.incrementAndGet();
            }
        } catch (SQLException e) {
            // counted and checksummed after pg_restore, with the rest
        }
    }
}
