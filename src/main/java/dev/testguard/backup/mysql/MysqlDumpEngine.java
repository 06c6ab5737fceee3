package dev.testguard.backup.mysql;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.Progress;
import dev.testguard.backup.tool.ExternalTool;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.db.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backs up with {@code mariadb-dump} (or {@code mysqldump}) in one transaction, and restores with the
 * {@code mariadb}/{@code mysql} client. The dump names no database, so it restores under any name.
 * <p>The tool's transaction snapshot is not ours to share: content checksums are taken in a snapshot right before
 * and one right after the dump, and kept for the tables that did not change in between ({@link BracketChecksums}).
 */
public final class MysqlDumpEngine implements BackupEngine {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern VERSION = Pattern.compile("(?:Distrib|from|Ver)\\s+([0-9][0-9A-Za-z.\\-]*)");
    private static final Pattern TABLE_IN_VERBOSE = Pattern.compile("for table `?([^`.]+(?:``[^`]*)*)`?");

    private final ExternalTool dump;

    public MysqlDumpEngine(ExternalTool dump) {
        this.dump = dump;
    }

    /** {@code mariadb-dump} or {@code mysqldump} on PATH, in that order. */
    public static Optional<MysqlDumpEngine> onPath() {
        return ExternalTool.find("mariadb-dump", "mysqldump").map(MysqlDumpEngine::new);
    }

    @Override
    public String id() {
        return dump.executable().getFileName().toString().contains("mariadb") ? "mariadb-dump" : "mysqldump";
    }

    @Override
    public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress)
            throws BackupException {
        String database = JdbcMysqlDumpEngine.requireDatabase(source);
        BackupEngine.requireNewPayload(payload);
        String serverVersion;
        Map<String, Long> rowCounts;
        BracketChecksums sums;
        try (Connection c = Connections.open(source, CONNECT_TIMEOUT)) {
            serverVersion = Queries.firstValue(c, "SELECT VERSION()");
            ConsistencyWarning.check(c, database, progress);
            sums = BracketChecksums.before(source, database);
        } catch (SQLException e) {
            throw new BackupException("cannot connect to " + source + ": " + e.getMessage()
                    + ". Check that the server runs and the credentials are right.", e);
        }
        String versionLine = dump.versionLine();
        MysqlClientArgs conn = MysqlClientArgs.of(source);
        List<String> args = new ArrayList<>(conn.args());
        args.addAll(List.of("--single-transaction", "--routines", "--triggers", "--events", "--hex-blob",
                "--default-character-set=utf8mb4", "--no-tablespaces", "--verbose", "--result-file=" + payload));
        if (isOracleMysqldump8(versionLine)) {
            args.add("--column-statistics=0"); // MySQL 8's mysqldump otherwise fails against MariaDB and older servers
        }
        args.add(database);
        runWithProgress(args, conn.environment(), payload, source, progress);
        Map<String, String> checksums;
        try {
            rowCounts = new MysqlAdmin(source).exactRowCounts(database);
            checksums = sums.after(progress);
        } catch (SQLException e) {
            throw new BackupException("backup of " + source + " was written but its tables cannot be counted and"
                    + " checksummed: " + e.getMessage(), e);
        }
        return new BackupOutcome(id(), toolVersion(versionLine), serverVersion, "sql", rowCounts, checksums);
    }

    private void runWithProgress(List<String> args, Map<String, String> env, Path payload, DatabaseTarget source,
                                 Progress progress) throws BackupException {
        AtomicReference<String> table = new AtomicReference<>("");
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testguard-mysqldump-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> progress.report(id() + ": " + ProgressTicker.megabytes(sizeOf(payload))
                        + " written" + (table.get().isEmpty() ? "" : ", dumping `" + table.get() + "`")),
                3, 3, TimeUnit.SECONDS);
        ExternalTool.Result result;
        try {
            result = dump.run(args, env, null, line -> { }, line -> {
                Matcher m = TABLE_IN_VERBOSE.matcher(line);
                if (m.find()) {
                    table.set(m.group(1));
                } else if (!line.startsWith("--")) {
                    progress.report(id() + ": " + line);
                }
            });
        } finally {
            ticker.shutdownNow();
        }
        if (result.exitCode() != 0) {
            BackupEngine.discardIncompletePayload(payload);
            throw new BackupException(id() + " failed on " + source + " (exit " + result.exitCode() + "): "
                    + result.stderrTail() + "\nFix the cause above, or remove " + id()
                    + " from PATH to use the built-in JDBC dump.");
        }
    }

    @Override
    public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress)
            throws BackupException {
        String database = JdbcMysqlDumpEngine.requireDatabase(target);
        ExternalTool client = client();
        MysqlClientArgs conn = MysqlClientArgs.of(target);
        List<String> args = new ArrayList<>(conn.args());
        args.addAll(List.of("--connect-timeout=" + CONNECT_TIMEOUT.toSeconds(), "--default-character-set=utf8mb4",
                "--binary-mode", database));
        ExternalTool.Result result;
        try (InputStream in = Payloads.open(payload)) {
            progress.report("restoring " + payload.getFileName() + " into " + target + " with " + client);
            result = client.run(args, conn.environment(), in, line -> { }, line -> progress.report(line));
        } catch (IOException e) {
            throw new BackupException("cannot read the backup payload " + payload + ": " + e.getMessage(), e);
        }
        if (result.exitCode() != 0) {
            throw new BackupException("restore into " + target + " with " + client + " failed (exit "
                    + result.exitCode() + "): " + result.stderrTail()
                    + "\nThe target is partly restored: drop it and restore again into an empty database.");
        }
    }

    /** The client next to the dump tool, else the first on PATH. */
    ExternalTool client() throws BackupException {
        Path dir = dump.executable().getParent();
        if (dir != null) {
            for (String name : List.of("mariadb", "mysql")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new ExternalTool(candidate);
                }
            }
        }
        return ExternalTool.find("mariadb", "mysql").orElseThrow(() -> new BackupException(
                "cannot restore: neither the mariadb nor the mysql client is on PATH. Install the MariaDB or MySQL"
                        + " client, or restore this backup with the built-in engine (jdbc-mysql) after a new backup."));
    }

    static String toolVersion(String versionLine) {
        Matcher m = VERSION.matcher(versionLine);
        String last = null;
        while (m.find()) {
            last = m.group(1); // "Ver 10.19 Distrib 10.11.6-MariaDB": the distribution version comes last
        }
        return last == null ? versionLine : last;
    }

    private static boolean isOracleMysqldump8(String versionLine) {
        return !versionLine.contains("MariaDB") && versionLine.matches(".*Ver\\s+[89]\\..*");
    }

    private static long sizeOf(Path payload) {
        try {
            return Files.exists(payload) ? Files.size(payload) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
