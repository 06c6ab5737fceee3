package dev.testguard.backup.postgres;

import dev.testguard.backup.Beside;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RestoredContent;
import dev.testguard.backup.TableChecksums;
import dev.testguard.backup.tool.ExternalTool;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a restore into a new database while {@code pg_restore} is still running: as soon as {@code pg_restore --verbose}
 * reports a table's data loaded (and committed), that table's exact row count and, where the manifest has one, its
 * content checksum are taken on a connection of its own, beside the index and constraint builds that follow. Nothing
 * writes a table's rows after its own data load (a table with inheritance children or a partition, whose rows other
 * loads may write, is left for the end). {@link #finish} then counts and checksums whatever was not done yet, so every
 * table is verified exactly once, with exact counts and the same checksums as before.
 * <p>A table whose later items take an ACCESS EXCLUSIVE lock ({@link PgRestoreToc}: its primary key above all) is
 * verified once pg_restore reports those done: counted earlier, it would hold up the build of its own primary key, which
 * then waits for the whole count instead of running beside it. While pg_restore's jobs are busy the counts take one
 * backend; once none is running (or pg_restore has ended) they may use parallel workers.
 */
final class PgRestoreVerifier implements AutoCloseable {

    /** Parallel pg_restore: the leader reports an item done once its worker has committed it. */
    private static final Pattern PARALLEL_DONE = Pattern.compile("finished item (\\d+) (.+)$");
    private static final Pattern PARALLEL_LAUNCH = Pattern.compile("launching item \\d+ ");
    private static final String DATA = "TABLE DATA ";
    /** Sequential pg_restore: an item starts; it is done when the next one starts. */
    private static final Pattern SEQUENTIAL_ITEM = Pattern.compile(
            "^pg_restore: (?:processing data for table|creating ([A-Z][A-Z ]*[A-Z])) \"(.+)\"$");
    /** Sequential pg_restore: the next item starts (not a warning or a server notice, which may come mid-load). */
    private static final Pattern SEQUENTIAL_NEXT = Pattern.compile("^pg_restore: (creating|processing|executing) ");

    /**
     * An item pg_restore reported done: its id (parallel) or its label {@code TYPE "schema.tag"} (one job), and for a data
     * item the table's name as pg_restore gives it ({@code qualified}: {@code schema.table}).
     */
    private record Done(int id, String label, String table, boolean qualified) {
    }

    /** A loaded table waiting for the locking items of its own still to come. */
    private record Waiting(Done table, Set<Integer> pending) {
    }

    private static final Done END = new Done(-1, null, null, false);

    private final DatabaseTarget restored;
    private final Map<String, String> expectedSums;
    private final boolean parallel;
    private final Supplier<PgRestoreToc> contents;
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final Map<String, String> sums = new ConcurrentHashMap<>();
    private final Beside<Void> worker;
    private final AtomicInteger whileRunning = new AtomicInteger();
    private final AtomicInteger jobsRunning = new AtomicInteger();
    private volatile boolean restoreDone;
    private Done current;
    private boolean workersAllowed;

    /** {@code parallel}: pg_restore runs with {@code --jobs} above 1 (its verbose output differs). Contents unknown. */
    PgRestoreVerifier(DatabaseTarget restored, Manifest manifest, boolean parallel) {
        this(restored, manifest, parallel, PgRestoreToc.NONE);
    }

    /** As above, reading {@code payload}'s contents with {@code pgRestore --list} on the verifier's own thread. */
    PgRestoreVerifier(DatabaseTarget restored, Manifest manifest, boolean parallel, ExternalTool pgRestore, Path payload) {
        this(restored, RestoredContent.expectedChecksums(manifest), parallel, () -> PgRestoreToc.read(pgRestore, payload));
    }

    /** As above, with the payload's contents known. */
    PgRestoreVerifier(DatabaseTarget restored, Manifest manifest, boolean parallel, PgRestoreToc contents) {
        this(restored, RestoredContent.expectedChecksums(manifest), parallel, () -> contents);
    }

    /** Row counts alone, no checksums: {@link #finishCounts}. */
    static PgRestoreVerifier countsOnly(DatabaseTarget restored, boolean parallel, ExternalTool pgRestore, Path payload) {
        return new PgRestoreVerifier(restored, Map.of(), parallel, () -> PgRestoreToc.read(pgRestore, payload));
    }

    private PgRestoreVerifier(DatabaseTarget restored, Map<String, String> expectedSums, boolean parallel,
                              Supplier<PgRestoreToc> contents) {
        this.restored = restored;
        this.expectedSums = expectedSums;
        this.parallel = parallel;
        this.contents = contents;
        this.worker = Beside.start("pg-restore-verifier", this::verifyAsLoaded);
    }

    /** Receives pg_restore's {@code --verbose} lines, in order. */
    void onToolLine(String line) {
        if (parallel) {
            onParallelLine(line);
        } else {
            onSequentialLine(line);
        }
    }

    private void onParallelLine(String line) {
        if (PARALLEL_LAUNCH.matcher(line).find()) {
            jobsRunning.incrementAndGet();
            return;
        }
        Matcher m = PARALLEL_DONE.matcher(line);
        if (m.find()) {
            jobsRunning.decrementAndGet();
            String what = m.group(2);
            done.add(new Done(Integer.parseInt(m.group(1)), null, what.startsWith(DATA) ? what.substring(DATA.length()) : null, false));
        }
    }

    private void onSequentialLine(String line) {
        if (!SEQUENTIAL_NEXT.matcher(line).find()) {
            return;
        }
        if (current != null) {
            done.add(current);
            current = null;
        }
        Matcher m = SEQUENTIAL_ITEM.matcher(line);
        if (m.find()) {
            boolean data = m.group(1) == null;
            current = new Done(-1, (data ? "TABLE DATA" : m.group(1)) + " \"" + m.group(2) + "\"", data ? m.group(2) : null, true);
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
        done.add(END);
        worker.await();
    }

    private Void verifyAsLoaded() throws SQLException {
        PgRestoreToc toc = contents.get();
        List<Waiting> waiting = new ArrayList<>();
        Set<Integer> finished = new HashSet<>();
        try (Connection c = Connections.open(restored, Duration.ofSeconds(10))) {
            PgDumpEngine.countingBeside(c, true, false);
            for (Done d = done.take(); d != END; d = done.take()) {
                List<Integer> ids = d.id() >= 0 ? List.of(d.id()) : toc.idsOf(d.label());
                finished.addAll(ids);
                if (d.table() != null) {
                    Set<Integer> pending = new HashSet<>();
                    ids.forEach(id -> pending.addAll(toc.locksAfter(id)));
                    pending.removeAll(finished);
                    waiting.add(new Waiting(d, pending));
                }
                for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
                    Waiting w = it.next();
                    w.pending().removeAll(ids);
                    if (w.pending().isEmpty()) {
                        it.remove();
                        verifyTable(c, w.table().table(), w.table().qualified());
                    }
                }
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
            allowWorkersWhenIdle(c);
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

    /** Parallel workers for a count only while no pg_restore job runs: until then the cores are pg_restore's. */
    private void allowWorkersWhenIdle(Connection c) throws SQLException {
        boolean idle = restoreDone || (parallel && jobsRunning.get() <= 0);
        if (idle != workersAllowed) {
            try (Statement st = c.createStatement()) {
                st.execute(idle ? "RESET max_parallel_workers_per_gather" : "SET max_parallel_workers_per_gather = 0");
            }
            workersAllowed = idle;
        }
    }
}
