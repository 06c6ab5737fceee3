package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.Phases;
import dev.testguard.backup.ReplacingRestore;
import dev.testguard.backup.RestoredContent;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * PostgreSQL restore over an existing database. Where the role may create databases, the backup is restored into a new
 * database (same owner, encoding, collation) and, once verified, swapped in by two renames in one transaction: the old
 * database stays whole under a {@code _tgsafe_} name, with its stamp, grants and settings copied to the new one.
 * Where it may not, the restore happens in place: the user schemas are renamed aside, {@code pg_restore} runs in a single
 * transaction, and the set-aside schemas are dropped only after verification (a safety backup is taken first); on any
 * failure they are renamed back. Leftovers of an interrupted run are cleaned up, or put back, at the next run.
 */
public final class PgReplacingRestore implements ReplacingRestore {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Outcome restoreOver(Request r) throws BackupException {
        DatabaseTarget target = r.target();
        PostgresAdmin admin = new PostgresAdmin(target);
        boolean swap;
        try (Connection m = admin.openMaintenance()) {
            dropInterruptedCopies(admin, m, r);
            try (Connection work = Connections.open(target, TIMEOUT)) {
                putBackInterruptedInPlace(work, r);
                r.check(work);
                swap = PostgresAdmin.mayCreateAndRename(work, target.databaseName());
                if (!swap) {
                    r.progress().report("the user may not create databases: restoring in place, inside '" + target.databaseName() + "'");
                    return new PgInPlaceRestore(r, engine(r)).run(work);
                }
            }
            return swap(r, admin, m);
        } catch (SQLException e) {
            throw r.failed("preparing", e, "Nothing was changed. Check that the server runs and the user may connect to '"
                    + target.databaseName() + "' and to the maintenance database postgres.");
        }
    }

    private Outcome swap(Request r, PostgresAdmin admin, Connection m) throws BackupException, SQLException {
        String db = r.target().databaseName();
        String token = ReplacingRestore.token();
        String fresh = PostgresAdmin.shortened(db, 40) + "_tgnew_" + token;
        String safety = PostgresAdmin.shortened(db, 40) + "_tgsafe_" + token;
        String owner = PostgresAdmin.databaseOwner(m, db);
        // a superuser restores the dump's own owners (and may create what only superusers may); anyone else restores as the owner
        boolean superuser = PostgresAdmin.isSuperuser(m);
        String role = superuser || PostgresAdmin.isCurrentUser(m, owner) ? null : owner;
        String step = "creating the new database '" + fresh + "'";
        Phases phases = new Phases();
        try {
            PostgresAdmin.createLike(m, fresh, db);
            phases.end("creating '" + fresh + "'");
            // the SHA-256 check ran beside the steps so far, which only read or created the restore's own new database
            step = "checking the payload's SHA-256";
            r.payloadVerified();
            phases.end("rest of the payload's SHA-256 check");
            step = "restoring into the new database '" + fresh + "'";
            r.progress().report("restoring " + r.backup().id() + " into a new database '" + fresh + "' owned by " + owner
                    + "; '" + db + "' stays as it is until the restore is verified");
            DatabaseTarget freshTarget = admin.sibling(fresh);
            RestoredContent content;
            // each table is counted and checksummed as soon as pg_restore reports its data loaded
            try (PgRestoreVerifier verifier = new PgRestoreVerifier(freshTarget, r.backup().manifest(), r.options().jobs() > 1,
                    PgClients.pgRestore(r.options().toolPath()), r.backup().payload())) {
                restoreInto(r, freshTarget, role, superuser, verifier);
                phases.end("pg_restore");
                step = "verifying the new database '" + fresh + "' against the backup's manifest";
                content = verified(r, verifier, freshTarget);
                phases.end("verifying the rest (" + verifier.verifiedWhileRestoring() + " tables were verified while pg_restore ran)");
            }
            step = "checking '" + db + "' right before swapping it out";
            try (Connection work = Connections.open(r.target(), TIMEOUT)) {
                r.check(work);
            }
            phases.end("guard");
            step = "swapping '" + fresh + "' in for '" + db + "' (renaming '" + db + "' to '" + safety + "')";
            long safetyOid = swapRetrying(m, db, fresh, safety);
            phases.end("swap");
            r.progress().report("restored " + r.backup().id() + " over '" + db + "' " + phases.summary());
            return new Outcome("database '" + safety + "' (the previous '" + db + "', renamed; drop it when no longer needed:"
                    + " DROP DATABASE " + PostgresAdmin.quote(safety) + ")", null, content, safety, safetyOid);
        } catch (BackupException | SQLException e) {
            String cleanup = dropQuietly(admin, fresh);
            throw r.failed(step, e, "'" + db + "' was not changed: it still holds everything it held before. " + cleanup);
        }
    }

    /** A session that connects between ending the others and renaming makes the rename fail: try again, a few times. */
    private static long swapRetrying(Connection m, String db, String fresh, String safety) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return PostgresAdmin.swapIn(m, db, fresh, safety);
            } catch (SQLException e) {
                if (!"55006".equals(e.getSQLState()) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** A superuser restores the dump's own owners; anyone else restores as the database owner ({@code role}) or as itself. */
    private static void restoreInto(Request r, DatabaseTarget fresh, String role, boolean superuser, PgRestoreVerifier verifier)
            throws BackupException {
        engine(r).restoreAs(r.backup().payload(), fresh, r.options(), r.progress(), role, false,
                superuser ? PgDumpEngine.Owners.AS_DUMPED : PgDumpEngine.Owners.CONNECTING_USER, verifier::onToolLine);
        verifier.restoreEnded();
    }

    /** Row counts and checksums against the manifest, those of the tables the verifier did not take yet taken now. */
    private static RestoredContent verified(Request r, PgRestoreVerifier verifier, DatabaseTarget restored)
            throws BackupException, SQLException {
        return verified(r, verifier, restored, Set.of());
    }

    /** As above, leaving out the tables of the {@code setAside} schemas (an in-place restore's previous content). */
    static RestoredContent verified(Request r, PgRestoreVerifier verifier, DatabaseTarget restored, Set<String> setAside)
            throws BackupException, SQLException {
        try (Connection c = Connections.open(restored, TIMEOUT)) {
            PgDumpEngine.countingBeside(c, false, false);
            return matching(verifier.finish(r.backup().manifest(), c, setAside));
        }
    }

    private static RestoredContent matching(RestoredContent content) throws BackupException {
        if (!content.matches()) {
            throw new BackupException("the restored content differs from the backup: " + content.differences());
        }
        return content;
    }

    private static void dropInterruptedCopies(PostgresAdmin admin, Connection m, Request r) throws SQLException {
        for (String copy : PostgresAdmin.interruptedRestoreCopies(m, r.target().databaseName())) {
            admin.drop(copy);
            r.progress().report("an earlier restore into '" + r.target().databaseName() + "' was interrupted before it finished:"
                    + " dropped its incomplete copy '" + copy + "'. '" + r.target().databaseName()
                    + "' was never replaced by it and holds what it held before that restore.");
        }
    }

    private static void putBackInterruptedInPlace(Connection work, Request r) throws SQLException {
        var aside = PostgresAdmin.setAsideSchemas(work);
        if (aside.isEmpty()) {
            return;
        }
        boolean auto = work.getAutoCommit();
        work.setAutoCommit(false);
        try {
            PostgresAdmin.putSchemasBack(work);
            work.commit();
        } catch (SQLException | RuntimeException | Error e) {
            Transactions.rollbackAfter(work, e);
            throw e;
        } finally {
            work.setAutoCommit(auto);
        }
        r.progress().report("an earlier in-place restore into '" + r.target().databaseName() + "' was interrupted before it"
                + " was verified: put its set-aside schemas " + aside.values() + " back, so '" + r.target().databaseName()
                + "' holds what it held before that restore again.");
    }

    private static PgDumpEngine engine(Request r) {
        return r.engine() instanceof PgDumpEngine pg ? pg : new PgDumpEngine();
    }

    private static String dropQuietly(PostgresAdmin admin, String fresh) {
        try {
            admin.drop(fresh);
            return "The incomplete copy '" + fresh + "' was dropped.";
        } catch (SQLException e) {
            return "The incomplete copy '" + fresh + "' could not be dropped (" + e.getMessage() + "): the next restore drops it,"
                    + " or drop it by hand: DROP DATABASE " + PostgresAdmin.quote(fresh);
        }
    }
}
