package dev.testguard.backup.mysql;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.ReplacingRestore;
import dev.testguard.backup.RestoredContent;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.probe.DatabaseFacts;
import dev.testguard.probe.StampStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * MySQL/MariaDB restore over an existing database: its tables move to a safety schema {@code <db>_tgsafe_<token>} in one
 * atomic {@code RENAME TABLE} (constant time), the backup is restored into the emptied database and verified, and the
 * target's own stamp is written back. On failure the restored tables are dropped and the old ones moved back. The safety
 * schema is kept after success, as the safety copy. A run interrupted half-way is put back by the next one.
 */
public final class MysqlReplacingRestore implements ReplacingRestore {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int LOCK_WAIT_SECONDS = 30;
    private static final String STAMP_TABLE = "testguard_stamp";

    @Override
    public Outcome restoreOver(Request r) throws BackupException {
        DatabaseTarget target = r.target();
        String db = target.databaseName();
        try (Connection work = Connections.open(target, TIMEOUT)) {
            MysqlAdmin.limitLockWait(work, LOCK_WAIT_SECONDS);
            putBackInterrupted(work, r);
            return restore(r, work, MysqlAdmin.shortened(db, 40) + "_tgsafe_" + ReplacingRestore.token());
        } catch (SQLException e) {
            throw r.failed("preparing", e, "Nothing was changed. Check that the server runs and that the user may connect"
                    + " to '" + db + "', create databases and rename tables.");
        }
    }

    private Outcome restore(Request r, Connection work, String safety) throws BackupException, SQLException {
        String db = r.target().databaseName();
        DatabaseFacts facts = r.check(work);
        try {
            MysqlAdmin.createSafetySchema(work, safety, db);
        } catch (SQLException e) {
            throw r.failed("creating the safety schema '" + safety + "'", e, "Nothing was changed: '" + db + "' is as before."
                    + " The user needs CREATE on the server to keep the old tables while restoring.");
        }
        List<String> tables = MysqlAdmin.tables(work, db);
        String step = "moving the tables of '" + db + "' into the safety schema '" + safety + "'";
        try {
            MysqlAdmin.moveTables(work, db, safety, tables);
            r.progress().report("moved the " + tables.size() + " tables of '" + db + "' into the safety schema '" + safety
                    + "'; restoring " + r.backup().id());
            step = "restoring";
            r.engine().restore(r.backup().payload(), r.target(), r.options(), r.progress());
            step = "writing back the stamp of '" + db + "'";
            keepOwnStamp(work, db, facts);
            step = "verifying the restored content against the backup's manifest";
            RestoredContent content = verify(r, work);
            MysqlAdmin.markSafetySchema(work, safety, MysqlAdmin.COMPLETE);
            return new Outcome("schema '" + safety + "' (the previous tables of '" + db + "'; drop it when no longer"
                    + " needed: DROP DATABASE " + MysqlAdmin.quote(safety) + ")", null, content, safety);
        } catch (BackupException | SQLException e) {
            throw r.failed(step, e, putBack(work, safety, db));
        }
    }

    /** The target keeps its own stamp, whatever the backup held: written back, or the backup's removed. */
    private static void keepOwnStamp(Connection work, String db, DatabaseFacts facts) throws SQLException {
        if (facts.stamp().isPresent()) {
            StampStores.forVendor(dev.testguard.jdbc.Vendor.MARIADB).orElseThrow().write(work, facts.stamp().get());
        } else {
            MysqlAdmin.dropTableIfExists(work, db, STAMP_TABLE);
        }
    }

    private static RestoredContent verify(Request r, Connection work) throws BackupException, SQLException {
        String db = r.target().databaseName();
        RestoredContent content = RestoredContent.compare(r.backup().manifest(),
                new MysqlAdmin(r.target()).exactRowCounts(db), work);
        if (!content.matches()) {
            throw new BackupException("the restored content differs from the backup: " + content.differences());
        }
        return content;
    }

    private static String putBack(Connection work, String safety, String db) {
        try {
            MysqlAdmin.putBack(work, safety, db);
            return "The original tables were moved back from '" + safety + "': '" + db + "' holds what it held before"
                    + " (stored routines and events the backup redefined keep the backup's definition).";
        } catch (SQLException e) {
            return "Moving the original tables back failed too (" + e.getMessage() + "): they are in the schema '" + safety
                    + "', and the next restore into '" + db + "' moves them back first.";
        }
    }

    private static void putBackInterrupted(Connection work, Request r) throws SQLException {
        String db = r.target().databaseName();
        for (String safety : MysqlAdmin.unfinishedSafetySchemas(work, db)) {
            MysqlAdmin.putBack(work, safety, db);
            r.progress().report("an earlier restore into '" + db + "' was interrupted before it was verified: moved its"
                    + " original tables back from '" + safety + "', so '" + db + "' holds what it held before that restore again.");
        }
    }
}
