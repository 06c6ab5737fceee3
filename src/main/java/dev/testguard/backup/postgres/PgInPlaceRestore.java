package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.ReplacingRestore;
import dev.testguard.backup.RestoredContent;
import dev.testguard.backup.StoredBackup;
import dev.testguard.db.PostgresAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A restore inside the existing database, for roles that may not create databases: a safety backup first, then the user
 * schemas renamed aside over the working connection (right after the guard read stamp and rows over it), {@code pg_restore}
 * in one transaction, verification by the {@link PgRestoreVerifier} a restore into a new database uses (the set-aside
 * schemas left out), and only then the set-aside schemas dropped. Any failure renames them back.
 * The database itself, its owner, grants, settings and comment (the stamp) are never touched.
 */
final class PgInPlaceRestore {

    private final ReplacingRestore.Request r;
    private final PgDumpEngine engine;

    PgInPlaceRestore(ReplacingRestore.Request request, PgDumpEngine engine) {
        this.r = request;
        this.engine = engine;
    }

    ReplacingRestore.Outcome run(Connection work) throws BackupException, SQLException {
        String db = r.target().databaseName();
        r.payloadVerified();
        StoredBackup safety = r.safetyBackup().take(r.target());
        boolean recreatePublic = !PgDumpEngine.createsPublicSchema(r.backup().payload(), r.options());
        String owner = PostgresAdmin.databaseOwner(work, db);
        String role = PostgresAdmin.isCurrentUser(work, owner) ? null : owner;
        Map<String, String> aside = setAside(work, recreatePublic, safety);
        String step = "restoring in place";
        try {
            RestoredContent content;
            // the verifier of a restore into a new database, same counts and checksums; under --single-transaction its own
            // connection sees no table before pg_restore commits, so here it verifies them all right after
            try (PgRestoreVerifier verifier = new PgRestoreVerifier(r.target(), r.backup().manifest(), false)) {
                engine.restoreAs(r.backup().payload(), r.target(), new BackupOptions(1, r.options().toolPath()), r.progress(),
                        role, true, PgDumpEngine.Owners.CONNECTING_USER, verifier::onToolLine);
                verifier.restoreEnded();
                step = "verifying the restored content against the backup's manifest";
                content = PgReplacingRestore.verified(r, verifier, r.target(), aside.keySet());
                r.progress().report("verified " + content.rows().size() + " tables of '" + db + "' against the manifest ("
                        + verifier.verifiedWhileRestoring() + " while pg_restore ran)");
            }
            step = "dropping the set-aside schemas " + aside.keySet();
            PostgresAdmin.dropSchemas(work, aside.keySet());
            work.commit();
            return new ReplacingRestore.Outcome("backup " + safety.id() + " (taken just before; restore it with"
                    + " -Dtestguard.backupId=" + safety.id() + ")", safety, content);
        } catch (BackupException | SQLException e) {
            throw r.failed(step, e, putBack(work, aside, safety));
        }
    }

    /** Guard and set-aside in one transaction on the working connection, committed so that pg_restore sees it. */
    private Map<String, String> setAside(Connection work, boolean recreatePublic, StoredBackup safety) throws BackupException {
        try {
            work.setAutoCommit(false);
            r.check(work);
            Map<String, String> aside = PostgresAdmin.setSchemasAside(work, PostgresAdmin.userSchemas(work),
                    ReplacingRestore.token(), recreatePublic);
            work.commit();
            r.progress().report("set the schemas of '" + r.target().databaseName() + "' aside as " + aside.keySet()
                    + " until the restore is verified");
            return aside;
        } catch (SQLException e) {
            rollbackQuietly(work);
            throw r.failed("setting the current schemas aside", e, "Nothing was changed ('" + r.target().databaseName()
                    + "' is as before; its state is also in safety backup " + safety.id() + "). The user must own the schemas"
                    + " of the database, or may create databases (then the restore swaps databases instead).");
        }
    }

    private String putBack(Connection work, Map<String, String> aside, StoredBackup safety) {
        try {
            rollbackQuietly(work);
            PostgresAdmin.putSchemasBack(work);
            work.commit();
            return "The original schemas " + aside.values() + " were put back: '" + r.target().databaseName()
                    + "' holds what it held before. Its state is also in safety backup " + safety.id() + ".";
        } catch (SQLException e) {
            rollbackQuietly(work);
            return "Putting the original schemas back failed too (" + e.getMessage() + "): they are inside '"
                    + r.target().databaseName() + "' as " + aside.keySet() + ", and the next restore puts them back; the state"
                    + " before is also in safety backup " + safety.id() + ".";
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: the server rolled back already
        }
    }
}
