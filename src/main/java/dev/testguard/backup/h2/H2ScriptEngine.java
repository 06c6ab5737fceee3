package dev.testguard.backup.h2;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.Progress;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.H2Admin;
import dev.testguard.db.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * H2's own {@code SCRIPT TO ... COMPRESSION GZIP}: a gzip SQL script of schema and data, restored with
 * {@code RUNSCRIPT}. User password hashes stay out of the payload ({@code NOPASSWORDS}).
 */
public final class H2ScriptEngine implements BackupEngine {

    public static final String ID = "h2-script";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress)
            throws BackupException {
        BackupEngine.requireNewPayload(payload);
        try (Connection c = H2Admin.openExisting(source); Statement st = c.createStatement()) {
            progress.report("h2-script: writing " + payload.getFileName());
            st.execute("SCRIPT NOPASSWORDS TO " + literal(payload.toAbsolutePath()) + " COMPRESSION GZIP");
            String version = Queries.firstValue(c, "SELECT H2VERSION()");
            Map<String, Long> rows = H2Admin.exactRowCounts(c);
            progress.report("h2-script: " + rows.size() + " tables, " + Files.size(payload) + " bytes");
            return new BackupOutcome(ID, version, version, "sql.gz", rows, TableChecksums.forSmallTables(c, rows));
        } catch (SQLException | IOException e) {
            BackupEngine.discardIncompletePayload(payload);
            throw new BackupException("backup of H2 database " + source + " failed: " + e.getMessage()
                    + ". Check that the database file exists and that no other process holds it open"
                    + " (or add ;AUTO_SERVER=TRUE to the application's URL).", e);
        }
    }

    @Override
    public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress)
            throws BackupException {
        try (Connection c = Connections.open(target, TIMEOUT); Statement st = c.createStatement()) {
            progress.report("h2-script: running " + payload.getFileName() + " in " + target);
            st.execute("RUNSCRIPT FROM " + literal(payload.toAbsolutePath()) + (isGzip(payload) ? " COMPRESSION GZIP" : ""));
        } catch (SQLException | IOException e) {
            throw new BackupException("restore of " + payload + " into H2 database " + target + " failed: "
                    + e.getMessage() + ". Restore into a new, empty database file.", e);
        }
    }

    private static boolean isGzip(Path payload) throws IOException {
        try (InputStream in = Files.newInputStream(payload)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }
}
