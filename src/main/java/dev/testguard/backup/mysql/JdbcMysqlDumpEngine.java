package dev.testguard.backup.mysql;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.Progress;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The built-in MySQL/MariaDB dump, for machines without the client tools: a SQL script written over
 * JDBC from one consistent snapshot ({@code START TRANSACTION WITH CONSISTENT SNAPSHOT}), streamed so
 * memory stays flat. Gzip-compressed when the payload name ends in {@code .gz}. Row counts and the small
 * tables' content checksums ({@link TableChecksums}) are taken in that same snapshot.
 */
public final class JdbcMysqlDumpEngine implements BackupEngine {

    public static final String ID = "jdbc-mysql";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress)
            throws BackupException {
        String database = requireDatabase(source);
        BackupEngine.requireNewPayload(payload);
        try (Connection c = Connections.open(source, CONNECT_TIMEOUT)) {
            String version = Queries.firstValue(c, "SELECT VERSION()");
            ConsistencyWarning.check(c, database, progress);
            try (Statement st = c.createStatement()) {
                // '' sql_mode: SHOW CREATE prints full, backtick-quoted definitions. UTC: TIMESTAMPs dump unshifted.
                st.execute("SET SESSION sql_mode = '', SESSION time_zone = '+00:00', SESSION sql_quote_show_create = 1");
                // Connector/J leaves results in each column's own charset; the dump is UTF-8 throughout.
                st.execute("SET SESSION character_set_results = utf8mb4");
                st.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            }
            Map<String, Long> rows;
            Map<String, String> checksums;
            try (DumpOutput out = DumpOutput.create(payload)) {
                rows = new JdbcDumpWriter(c, database, out, progress).write(version);
                checksums = TableChecksums.forSmallTables(c, rows); // still inside the dump's snapshot
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
            String format = DumpOutput.isGzip(payload) ? "sql.gz" : "sql";
            return new BackupOutcome(ID, driverVersion(c), version, format, rows, checksums);
        } catch (SQLException | IOException | RuntimeException e) {
            BackupEngine.discardIncompletePayload(payload);
            throw new BackupException("backup of " + source + " with the built-in JDBC dump failed: " + e.getMessage()
                    + ". Check that the database is reachable and the user may read it (SELECT, SHOW VIEW, TRIGGER).", e);
        }
    }

    @Override
    public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress)
            throws BackupException {
        requireDatabase(target);
        try (Connection c = Connections.open(target, CONNECT_TIMEOUT); InputStream in = Payloads.open(payload)) {
            SqlScriptRunner.run(in, c, target.toString(), progress);
        } catch (SQLException | IOException e) {
            throw new BackupException("restore of " + payload + " into " + target + " failed: " + e.getMessage()
                    + ". Check that the database exists and the user may create tables in it.", e);
        }
    }

    static String requireDatabase(DatabaseTarget target) throws BackupException {
        String database = target.databaseName();
        if (database == null || database.isEmpty()) {
            throw new BackupException(target + " names no database: add one to the URL, e.g. jdbc:mysql://localhost:3306/mydb");
        }
        return database;
    }

    private static String driverVersion(Connection c) throws SQLException {
        return c.getMetaData().getDriverName() + " " + c.getMetaData().getDriverVersion();
    }

}
