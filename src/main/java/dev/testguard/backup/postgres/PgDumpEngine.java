package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.Beside;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.Phases;
import dev.testguard.backup.Progress;
import dev.testguard.backup.TableChecksums;
import dev.testguard.backup.tool.ExternalTool;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.jdbc.Secrets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * pg_dump / pg_restore. Custom format ({@code -Fc}) by default, directory format with parallel jobs
 * ({@code -Fd -j N}) when {@code jobs > 1}. Row counts are taken in a transaction whose snapshot
 * pg_dump then uses ({@code --snapshot}), so the counts describe exactly the data in the dump; so do the
 * content checksums of the small tables ({@link TableChecksums}), taken in the same transaction.
 */
public final class PgDumpEngine implements BackupEngine {

    public static final String ID = "pg_dump";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration progressEvery;

    public PgDumpEngine() {
        this(Duration.ofSeconds(5));
    }

    /** {@code progressEvery}: how often a progress line is reported while a tool runs (zero: on every table). */
    public PgDumpEngine(Duration progressEvery) {
        this.progressEvery = progressEvery;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress) throws BackupException {
        return backup(source, payload, options, progress, () -> { });
    }

    @Override
    public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress,
                                Runnable whileDumping) throws BackupException {
        ExternalTool pgDump = PgClients.pgDump(options.toolPath());
        // the version comes from a process of its own: it starts while the connection opens
        Beside<String> version = Beside.start("pg-dump-version", () -> PgClients.version(pgDump));
        Phases phases = new Phases();
        Job job = new Job(source, payload, options, progress, pgDump);
        try (Connection c = Connections.open(source, CONNECT_TIMEOUT)) {
            String snapshot = exportSnapshot(c);
            // pg_dump only reads: it starts the moment its snapshot exists, and the checks run beside it (one that fails
            // stops it). Without a snapshot the counts must come before it.
            PgDumpRun dump = snapshot == null ? null : startDump(job, snapshot);
            phases.end(snapshot == null ? "connecting" : "connecting and exporting the snapshot");
            try {
                return checkCountAndDump(c, job, dump, version, whileDumping, phases);
            } catch (BackupException | SQLException | RuntimeException e) {
                if (dump != null) {
                    dump.stop();
                }
                throw e;
            }
        } catch (SQLException e) {
            version.await();
            throw new BackupException("cannot back up " + source.url().masked() + ": "
                    + Secrets.maskText(e.getMessage(), source.effectiveCredentials()), e);
        }
    }

    /** The checks, counts and checksums over {@code c} beside {@code dump} (or, with none, before starting it); then its end. */
    private BackupOutcome checkCountAndDump(Connection c, Job job, PgDumpRun dump, Beside<String> version,
                                            Runnable whileDumping, Phases phases) throws BackupException, SQLException {
        String toolVersion = version.get(BackupException.class);
        String serverVersion = checkSource(c, job.pgDump(), toolVersion, job.source());
        int tables = PostgresAdmin.tableCount(c);
        if (dump != null) {
            dump.totalTables(tables);
        }
        Counted counted = count(c, dump != null);
        phases.end(dump == null ? "checks, row counts and checksums" : "checks, row counts and checksums beside pg_dump");
        PgDumpRun run = dump != null ? dump : startDump(job, null);
        run.totalTables(tables);
        Beside<Void> beside = Beside.run("while-dumping", whileDumping);
        ExternalTool.Result r;
        try {
            r = run.await();
        } finally {
            beside.await();
        }
        phases.end("the rest of pg_dump");
        phases.add("(pg_dump in all)", run.nanos());
        if (r.exitCode() != 0) {
            throw new BackupException("pg_dump of " + job.source().url().masked() + " failed (exit " + r.exitCode() + "):"
                    + System.lineSeparator() + r.stderrTail());
        }
        c.rollback();
        job.progress().report("pg_dump of " + job.source().databaseName() + " " + phases.summary());
        return new BackupOutcome("pg_dump", toolVersion, serverVersion, job.options().jobs() > 1 ? "directory" : "custom",
                counted.rows(), counted.checksums());
    }

    private PgDumpRun startDump(Job job, String snapshot) {
        return PgDumpRun.start(job.pgDump(), dumpArguments(job.source(), job.payload(), job.options(), snapshot),
                PgConnectionArgs.of(job.source()).environment(), job.source().databaseName(), job.payload(), progressEvery,
                job.progress());
    }

    /** One backup's request and the pg_dump that serves it. */
    private record Job(DatabaseTarget source, Path payload, BackupOptions options, Progress progress, ExternalTool pgDump) {
    }

    /** Refuses a pg_dump older than the server and a role that cannot read everything; returns the server's version. */
    private static String checkSource(Connection c, ExternalTool pgDump, String toolVersion, DatabaseTarget source)
            throws SQLException, BackupException {
        String[] versions = queryString(c, "SELECT current_setting('server_version') || '|' || current_setting('server_version_num')")
                .split("\\|"); // one round trip for both
        String serverVersion = versions[0].split(" ")[0];
        int serverNum = Integer.parseInt(versions[1].trim());
        PgClients.checkCanDump(pgDump, toolVersion, serverNum, source.url().masked());
        PgReadPermissions.check(c, source.url().masked());
        return serverVersion;
    }

    /**
     * Exact row counts and the small tables' checksums over {@code c}. {@code beside}: pg_dump runs at the same time,
     * so the counting takes one backend (no parallel workers) and leaves the other cores to pg_dump.
     */
    private static Counted count(Connection c, boolean beside) throws SQLException {
        countingBeside(c, beside, true);
        Map<String, Long> counts = PostgresAdmin.exactRowCounts(c);
        return new Counted(counts, TableChecksums.forSmallTables(c, counts));
    }

    /**
     * Settings of a session (for its transaction only when {@code local}) that counts rows and checksums tables: never
     * JIT-compiled (LLVM spends tens of milliseconds of CPU on each count of a large table, whose only expression is
     * count's trivial transition, and gains nothing back); and, {@code beside} a tool working on the same server (pg_dump,
     * pg_restore), in one backend, no parallel workers: the other cores are the tool's.
     */
    static void countingBeside(Connection c, boolean beside, boolean local) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT set_config('jit', 'off', " + local + ")"
                    + (beside ? ", set_config('max_parallel_workers_per_gather', '0', " + local + ")" : ""));
        }
    }

    /** The pg_dump argument list: no secret in it. */
    static List<String> dumpArguments(DatabaseTarget source, Path payload, BackupOptions options, String snapshot) {
        List<String> args = new ArrayList<>(PgConnectionArgs.of(source).args());
        if (options.jobs() > 1) {
            args.add("--format=directory");
            args.add("--jobs=" + options.jobs());
        } else {
            args.add("--format=custom");
        }
        if (snapshot != null) {
            args.add("--snapshot=" + snapshot);
        }
        args.add("--verbose");
        args.add("--file=" + payload);
        return args;
    }

    @Override
    public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress) throws BackupException {
        restoreAs(payload, target, options, progress, null, false, Owners.CONNECTING_USER);
    }

    /** Counts each table as pg_restore reports its data loaded (see {@link PgRestoreVerifier}), the rest after it. */
    @Override
    public Map<String, Long> restoreAndCount(Path payload, DatabaseTarget target, BackupOptions options, Progress progress,
                                             DatabaseAdmin admin) throws BackupException, SQLException {
        try (PgRestoreVerifier counter = PgRestoreVerifier.countsOnly(target, options.jobs() > 1,
                PgClients.pgRestore(options.toolPath()), payload)) {
            restoreAs(payload, target, options, progress, null, false, Owners.CONNECTING_USER, counter::onToolLine);
            counter.restoreEnded();
            try (Connection c = Connections.open(target, CONNECT_TIMEOUT)) {
                countingBeside(c, false, false);
                return counter.finishCounts(c);
            }
        }
    }

    /** Whose the restored objects are. */
    public enum Owners {
        /** The connecting user's ({@code --no-owner}). */
        CONNECTING_USER,
        /** As recorded in the dump (a superuser restoring: everything is owned as it was, extensions included). */
        AS_DUMPED
    }

    /**
     * Restores with every object owned by {@code role} ({@code --no-owner --role}), or with {@code owners}' ownership
     * when {@code role} is null. {@code singleTransaction}: all or nothing ({@code --single-transaction --exit-on-error}, one job).
     */
    public void restoreAs(Path payload, DatabaseTarget target, BackupOptions options, Progress progress, String role,
                          boolean singleTransaction, Owners owners) throws BackupException {
        restoreAs(payload, target, options, progress, role, singleTransaction, owners, line -> { });
    }

    /** As above; {@code toolLines} also receives each of pg_restore's {@code --verbose} lines as it comes. */
    void restoreAs(Path payload, DatabaseTarget target, BackupOptions options, Progress progress, String role,
                   boolean singleTransaction, Owners owners, Consumer<String> toolLines) throws BackupException {
        ExternalTool pgRestore = PgClients.pgRestore(options.toolPath());
        PgConnectionArgs conn = PgConnectionArgs.of(target);
        List<String> args = new ArrayList<>(conn.args());
        if (role != null || owners == Owners.CONNECTING_USER) {
            args.add("--no-owner");
        }
        if (role != null) {
            args.add("--role=" + role);
        }
        if (singleTransaction) {
            args.add("--single-transaction");
            args.add("--exit-on-error");
        } else {
            args.add("--jobs=" + Math.max(1, options.jobs()));
        }
        args.add("--verbose");
        args.add(payload.toString());
        ProgressTicker ticker = new ProgressTicker("pg_restore " + target.databaseName(), "processing data for table",
                -1, null, progressEvery, progress);
        ExternalTool.Result r;
        try (ticker) {
            r = pgRestore.run(args, conn.environment(), null, line -> { }, line -> {
                ticker.onToolLine(line);
                toolLines.accept(line);
            });
        }
        if (r.exitCode() != 0) {
            throw new BackupException("pg_restore into " + target.url().masked() + " failed (exit " + r.exitCode() + "):"
                    + System.lineSeparator() + r.stderrTail());
        }
    }

    /** Whether the dump creates the {@code public} schema itself (it does only when it was not the built-in one). */
    public static boolean createsPublicSchema(Path payload, BackupOptions options) throws BackupException {
        ExternalTool pgRestore = PgClients.pgRestore(options.toolPath());
        ExternalTool.Result r = pgRestore.run(List.of("--list", payload.toString()), Map.of(), null, line -> { }, line -> { });
        if (r.exitCode() != 0) {
            throw new BackupException("pg_restore --list " + payload + " failed (exit " + r.exitCode() + "): " + r.stderrTail());
        }
        return r.stdout().lines().anyMatch(l -> !l.startsWith(";") && l.matches(".*\\bSCHEMA - public\\b.*"));
    }

    /** Row counts and content checksums, both taken in the dump's snapshot. */
    private record Counted(Map<String, Long> rows, Map<String, String> checksums) {
    }

    /**
     * Opens the transaction whose snapshot pg_dump imports and exports it, in one round trip. Null when the server cannot
     * export snapshots (e.g. some hot standbys): the counts then run in a transaction of their own, just before the dump.
     */
    private static String exportSnapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot()");
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            c.rollback();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return null;
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
