package dev.testguard.backup.sqlite;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.Progress;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.Queries;
import dev.testguard.db.SqliteAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * SQLite's online backup API (sqlite-jdbc's {@code backup to} / {@code restore from}): a consistent
 * page-by-page copy of a live database file. The payload is itself a SQLite database.
 */
public final class SqliteBackupEngine implements BackupEngine {

    public static final String ID = "sqlite-backup";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress)
            throws BackupException {
        BackupEngine.requireNewPayload(payload);
        Path file = fileOf(source);
        try (Connection c = SqliteAdmin.openExisting(file); Statement st = c.createStatement()) {
            progress.report("sqlite-backup: copying " + file + " to " + payload.getFileName());
            st.executeUpdate("backup to " + quoted(payload));
        } catch (SQLException e) {
            BackupEngine.discardIncompletePayload(payload);
            throw new BackupException("backup of SQLite database " + source + " failed: " + e.getMessage()
                    + ". Check that the file exists and is readable.", e);
        }
        // counted and checksummed in the copy: exactly what the backup holds, whatever happened to the source since
        try (Connection copy = SqliteAdmin.openExisting(payload)) {
            Map<String, Long> rows = SqliteAdmin.exactRowCounts(copy);
            String version = Queries.firstValue(copy, "SELECT sqlite_version()");
            return new BackupOutcome(ID, version, version, "sqlite", rows, TableChecksums.forSmallTables(copy, rows));
        } catch (SQLException e) {
            throw new BackupException("SQLite backup " + payload + " was written but cannot be read back: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress)
            throws BackupException {
        try (Connection c = Connections.open(target, TIMEOUT); Statement st = c.createStatement()) {
            progress.report("sqlite-backup: restoring " + payload.getFileName() + " into " + target);
            st.executeUpdate("restore from " + quoted(payload));
        } catch (SQLException e) {
            throw new BackupException("restore of " + payload + " into SQLite database " + target + " failed: "
                    + e.getMessage() + ". Check that the target's directory is writable and no process holds it.", e);
        }
    }

    private static Path fileOf(DatabaseTarget source) throws BackupException {
        try {
            Path file = SqliteAdmin.fileOf(source);
            if (!Files.isRegularFile(file)) {
                throw new BackupException("SQLite database " + file + " does not exist: check the URL " + source);
            }
            return file;
        } catch (SQLException e) {
            throw new BackupException(e.getMessage(), e);
        }
    }

    /** sqlite-jdbc's command parser takes a double-quoted file name. */
    private static String quoted(Path file) throws BackupException {
        String path = file.toAbsolutePath().toString();
        if (path.contains("\"")) {
            throw new BackupException("SQLite backups cannot use a path containing a double quote: " + path);
        }
        return "\"" + path + "\"";
    }

}
