package dev.testguard.backup;

import dev.testguard.backup.mysql.MysqlReplacingRestore;
import dev.testguard.backup.postgres.PgReplacingRestore;
import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.guard.DestructiveRefusal;
import dev.testguard.jdbc.Secrets;
import dev.testguard.jdbc.Vendor;
import dev.testguard.policy.PolicySettings;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Restores a backup over a database, holding the store's lock and then the database's server-side lock
 * ({@link DatabaseAdmin#lock}, the one reset, provision and release take), so that a reset and a restore of one database
 * take turns. In this order, and nothing is touched before the last step: confirmation, the
 * store's leftovers cleaned, payload SHA-256 (beside it, only the restore's own new database may be created), then the vendor's {@link ReplacingRestore}: the current content is set
 * aside in constant time (PostgreSQL: a renamed database, or renamed schemas; MySQL/MariaDB: tables moved to a safety
 * schema), the backup restored and verified (row counts and content checksums), and on any failure the original put
 * back. The {@link DestructiveGuard} reads stamp and rows over the connection that acts, right before it acts.
 * Embedded databases (H2, SQLite) keep the older way: a safety backup, then drop and restore.
 */
public final class RestoreCommand {

    /**
     * What a restore did.
     *
     * @param safetyCopy   where the previous content is, for people; null when the target did not exist
     * @param safetyBackup a backup of the previous content, when one was taken
     */
    public record Result(StoredBackup restored, String database, StoredBackup safetyBackup, String safetyCopy,
                         List<RowCheck> rows, RestoredContent content) {
        public boolean rowsMatch() {
            return rows.stream().allMatch(RowCheck::ok);
        }
    }

    private final BackupStore store;
    private final BackupCommand backups;
    private final BackupOptions options;
    private final Progress progress;
    private final Function<DatabaseTarget, DatabaseAdmin> admins;
    private final Duration lockWait;
    private final long maxRows;
    private int keepSafetyCopies = 1;

    public RestoreCommand(BackupStore store, BackupCommand backups, BackupOptions options, Progress progress) {
        this(store, backups, options, progress, DatabaseAdmins::forTarget, BackupCommand.DEFAULT_LOCK_WAIT,
                PolicySettings.DEFAULT_MAX_ROWS);
    }

    public RestoreCommand(BackupStore store, BackupCommand backups, BackupOptions options, Progress progress,
                          Function<DatabaseTarget, DatabaseAdmin> admins, Duration lockWait, long maxRows) {
        this.store = store;
        this.backups = backups;
        this.options = options;
        this.progress = progress;
        this.admins = admins;
        this.lockWait = lockWait;
        this.maxRows = maxRows;
    }

    /**
     * How many safety copies of earlier restores into the same database to keep besides this restore's own (default 1):
     * see {@link SafetyCopyRetention}. Checked here, before anything is touched.
     */
    public RestoreCommand keepSafetyCopies(int keep) {
        new SafetyCopyRetention(keep, progress);
        this.keepSafetyCopies = keep;
        return this;
    }

    /**
     * @param idOrLatest a validated id, or {@code latest} (the newest backup of {@code source}'s database: same vendor,
     *                   server and name)
     * @param source     the database the backup is of; its server is where the restore goes
     * @param restoreTo  another database on the same server to restore into instead, or null
     * @param confirm    must equal the name of the database being overwritten
     */
    public Result run(String idOrLatest, DatabaseTarget source, String restoreTo, String confirm) throws BackupException {
        DatabaseAdmin admin = admin(source);
        DatabaseTarget target = restoreTo == null || restoreTo.isBlank() ? source : admin.sibling(restoreTo.trim());
        String database = target.databaseName();
        if (!database.equals(confirm)) {
            throw new BackupException("restore overwrites database '" + database + "' on " + target.url().masked()
                    + ": everything in it is replaced. To go ahead, confirm with -Dtestguard.confirm=" + database);
        }
        DestructiveGuard guard = new DestructiveGuard("restore", maxRows, confirm);
        // the store's lock, then the database's (the one reset, provision and release hold): never the other way round.
        // A first connection takes a while to open: the database's lock opens its connection right away, beside the store's
        // lock, and takes the lock (then whether the database exists, read under it) once the store's is held, beside the
        // store's own work and the SHA-256, which touch nothing. A PostgreSQL database that does not exist is created there
        // as well: the restore's own, dropped if it fails.
        try (LockBeside held = new LockBeside(admin, database, lockWait, target.url().vendor() == Vendor.POSTGRESQL)) {
            try (StoreLock lock = store.lock(lockWait, progress::report)) {
                held.storeLocked();
                return restoreLocked(idOrLatest, source, admin, target, guard, held);
            }
        } catch (SQLException e) {
            throw new BackupException("restore into " + target.url().masked() + " failed: "
                    + Secrets.maskText(e.getMessage(), target.effectiveCredentials()), e);
        } catch (IllegalArgumentException e) {
            throw new BackupException(e.getMessage(), e);
        }
    }

    private Result restoreLocked(String idOrLatest, DatabaseTarget source, DatabaseAdmin admin, DatabaseTarget target,
                                 DestructiveGuard guard, LockBeside held) throws BackupException, SQLException {
        for (String name : store.removePartials()) {
            progress.report("removed " + name + ", left behind by an interrupted backup");
        }
        // latest: never a safety backup (that is the state a restore replaced; restore it by its id)
        StoredBackup backup = store.resolve(idOrLatest, source.databaseName(),
                m -> !Manifest.PURPOSE_SAFETY.equals(m.purpose()) && SameDatabase.server(m, source));
        checkVendor(backup, target);
        // hashed beside the preparations that only read (lock, guard) or create a database of the restore's own; awaited
        // before anything restores or sets content aside
        PayloadHashing hashing = new PayloadHashing(backup);
        try {
            return restore(admin, backup, target, guard, held, hashing);
        } finally {
            hashing.close();
        }
    }

    /** The payload's SHA-256 check on a thread of its own; reports its time once awaited. */
    private final class PayloadHashing implements ReplacingRestore.PayloadCheck, AutoCloseable {
        private final StoredBackup backup;
        private final Beside<Void> hashing;

        PayloadHashing(StoredBackup backup) {
            this.backup = backup;
            this.hashing = Beside.start("payload-sha256", () -> {
                checkIntegrity(backup);
                return null;
            });
        }

        @Override
        public void await() throws BackupException {
            hashing.get(BackupException.class);
            progress.report("payload SHA-256 of " + backup.id() + " matches its manifest (" + Phases.seconds(hashing.nanos()) + ")");
        }

        /** The payload is not read after the store's lock is let go. */
        @Override
        public void close() {
            hashing.await();
        }
    }

    private Result restore(DatabaseAdmin admin, StoredBackup backup, DatabaseTarget target, DestructiveGuard guard,
                           LockBeside held, PayloadHashing hashing) throws BackupException, SQLException {
        String database = target.databaseName();
        BackupEngine engine = backups.restoreEngine(backup.manifest(), target);
        // PostgreSQL, into a new database or over an existing one: the restore awaits the check itself, once the new database
        // it restores into is created
        boolean overlapped = target.url().vendor() == Vendor.POSTGRESQL;
        if (!overlapped) {
            hashing.await();
        }
        if (!held.exists()) {
            return intoNewDatabase(admin, backup, engine, target, held.takeCreated(), overlapped ? hashing : () -> { });
        }
        Optional<ReplacingRestore> replacing = replacingFor(target);
        if (replacing.isEmpty()) {
            return dropAndRestore(admin, backup, engine, target, guard);
        }
        ReplacingRestore.Outcome o = replacing.get().restoreOver(new ReplacingRestore.Request(backup, engine, target, guard,
                options, progress, t -> backups.backupLocked(t, Manifest.PURPOSE_SAFETY), hashing));
        recordSafetyCopy(target, o);
        Result result = new Result(backup, database, o.safetyBackup(), o.safetyCopy(), o.content().rows(), o.content());
        if (result.rowsMatch()) { // verified: only then are older safety copies dropped
            pruneSafetyCopies(admin, target, o.safetyName(), o.safetyBackup());
        }
        return result;
    }

    /**
     * The database's server-side lock, taken on a thread of its own once the store's lock is held ({@link #storeLocked}),
     * and whether the database existed once it was held. With {@code createIfMissing} a database that did not exist is
     * created there too, beside the store's work (it is the restore's own: {@link #intoNewDatabase} takes it over with
     * {@link #takeCreated}, and unless it did, it is dropped again before the lock is let go).
     */
    private static final class LockBeside implements AutoCloseable {
        private final CompletableFuture<Void> storeLocked = new CompletableFuture<>();
        private final Beside<DatabaseAdmin.Locked> locking;
        private final DatabaseAdmin admin;
        private final String database;
        private boolean takenOver;

        LockBeside(DatabaseAdmin admin, String database, Duration wait, boolean createIfMissing) {
            this.admin = admin;
            this.database = database;
            locking = Beside.start("restore-database-lock",
                    () -> admin.lockThenCreateIfMissing(database, wait, this::awaitStoreLock, createIfMissing));
        }

        /** The store's lock is held: the database's may be taken now. */
        void storeLocked() {
            storeLocked.complete(null);
        }

        private void awaitStoreLock() throws SQLException {
            try {
                storeLocked.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted before the lock of '" + database + "' was taken", e);
            } catch (ExecutionException e) {
                throw new SQLException("the lock of '" + database + "' was not taken: the store's lock was not", e);
            }
        }

        /** Waits for the lock; whether the database existed under it. */
        boolean exists() throws SQLException {
            return locking.get(SQLException.class).existed();
        }

        /** Whether the missing database was created here; from now on the caller drops it if the restore fails. */
        boolean takeCreated() throws SQLException {
            takenOver = true;
            return locking.get(SQLException.class).created();
        }

        /** Waits for the lock (also when the restore failed before it needed it, or never got the store's) and lets it go. */
        @Override
        public void close() throws SQLException {
            storeLocked.completeExceptionally(new IllegalStateException("the restore ended without the store's lock"));
            locking.await();
            DatabaseAdmin.Locked held;
            try {
                held = locking.get(SQLException.class);
            } catch (SQLException | RuntimeException notTaken) {
                return; // reported by exists() when the restore got that far; nothing is held
            }
            try (DatabaseLock lock = held.lock()) {
                if (held.created() && !takenOver) {
                    admin.drop(database); // the restore failed before it got to the database it created
                }
            }
        }
    }

    private static Optional<ReplacingRestore> replacingFor(DatabaseTarget target) {
        switch (target.url().vendor()) {
            case POSTGRESQL:
                return Optional.of(new PgReplacingRestore());
            case MYSQL:
            case MARIADB:
                return Optional.of(new MysqlReplacingRestore());
            default:
                return Optional.empty();
        }
    }

    /**
     * A database that did not exist: created (the restore's own, beside the rest of the SHA-256 check; {@code created}: by
     * the database's lock already), then, once the payload is verified, restored and verified; dropped again if any of that
     * fails.
     */
    private Result intoNewDatabase(DatabaseAdmin admin, StoredBackup backup, BackupEngine engine, DatabaseTarget target,
                                   boolean created, ReplacingRestore.PayloadCheck payloadCheck) throws BackupException, SQLException {
        String database = target.databaseName();
        progress.report("restoring " + backup.id() + " into the new database '" + database + "' (" + target.url().masked() + ")");
        if (!created) {
            admin.create(database);
        }
        try {
            payloadCheck.await();
            long t0 = System.nanoTime();
            List<RowCheck> rows = RowCheck.compare(backup.manifest().rowCounts(),
                    engine.restoreAndCount(backup.payload(), target, options, progress, admin));
            progress.report("restored and counted " + rows.size() + " tables of '" + database + "' in " + Phases.seconds(System.nanoTime() - t0));
            return new Result(backup, database, null, null, rows, null);
        } catch (BackupException | SQLException | RuntimeException e) {
            try {
                admin.drop(database);
            } catch (SQLException dropFailed) {
                progress.report("WARNING: could not drop the incomplete new database '" + database + "': " + dropFailed.getMessage());
            }
            throw e;
        }
    }

    /** Embedded databases: a safety backup of the current state, then drop, create and restore. */
    private Result dropAndRestore(DatabaseAdmin admin, StoredBackup backup, BackupEngine engine, DatabaseTarget target,
                                  DestructiveGuard guard) throws BackupException, SQLException {
        String database = target.databaseName();
        try {
            guard.check(target, List.of());
        } catch (DestructiveRefusal e) {
            throw new BackupException(e.getMessage(), e);
        }
        progress.report("taking a safety backup of '" + database + "' before overwriting it");
        StoredBackup safety = backups.backupLocked(target, Manifest.PURPOSE_SAFETY);
        progress.report("restoring " + backup.id() + " into '" + database + "' (" + target.url().masked() + ")");
        admin.drop(database);
        admin.create(database);
        engine.restore(backup.payload(), target, options, progress);
        List<RowCheck> rows = RowCheck.compare(backup.manifest().rowCounts(), admin.exactRowCounts(database));
        Result result = new Result(backup, database, safety, "backup " + safety.id(), rows, null);
        if (result.rowsMatch()) {
            pruneSafetyCopies(admin, target, null, safety);
        }
        return result;
    }

    /** A copy kept on the server is recorded in the store (name and oid), the marker every role can write. */
    private void recordSafetyCopy(DatabaseTarget target, ReplacingRestore.Outcome o) {
        if (o.safetyName() == null || o.safetyOid() == 0) {
            return;
        }
        try {
            new SafetyCopyMarks(store).add(new SafetyCopyMarks.Mark(SameDatabase.serverKey(target), target.databaseName(),
                    o.safetyName(), o.safetyOid(), System.currentTimeMillis()));
        } catch (BackupException e) {
            progress.report("WARNING: the restore succeeded, but its safety copy '" + o.safetyName() + "' could not be recorded"
                    + " as testguard's own, so it is kept and never dropped automatically: " + e.getMessage());
        }
    }

    /** After a verified restore: keepSafetyCopies over the server's copies, or over the store's safety backups. */
    private void pruneSafetyCopies(DatabaseAdmin admin, DatabaseTarget target, String onServer, StoredBackup inStore) {
        SafetyCopyRetention retention = new SafetyCopyRetention(keepSafetyCopies, progress);
        if (onServer != null) {
            retention.apply(new ServerSafetyCopies(admin, new SafetyCopyMarks(store), SameDatabase.serverKey(target)),
                    target.databaseName(), onServer);
        }
        if (inStore != null) {
            retention.apply(new StoredSafetyCopies(store, m -> SameDatabase.server(m, target)), inStore.manifest().database().name(),
                    inStore.id());
        }
    }

    /** Refuses a payload whose SHA-256 differs from its manifest's, before anything is touched. */
    static void checkIntegrity(StoredBackup backup) throws BackupException {
        String actual;
        try {
            actual = PayloadDigest.sha256(backup.payload());
        } catch (IOException e) {
            throw new BackupException("cannot read the payload of backup " + backup.id() + " (" + backup.payload() + "): "
                    + e.getMessage() + ". Nothing was touched.", e);
        }
        if (!actual.equals(backup.manifest().sha256())) {
            throw new BackupException("backup " + backup.id() + " is corrupt: its payload's SHA-256 is " + actual
                    + " but the manifest recorded " + backup.manifest().sha256() + ". Nothing was touched."
                    + " Restore another backup (`mvn testguard:backups` lists them).");
        }
    }

    static void checkVendor(StoredBackup backup, DatabaseTarget target) throws BackupException {
        String vendor = backup.manifest().database().vendor();
        if (vendor != null && !vendor.equals(target.url().vendor().displayName())) {
            throw new BackupException("backup " + backup.id() + " is of a " + vendor + " database and cannot be restored into "
                    + target.url().masked() + ". Nothing was touched.");
        }
    }

    private DatabaseAdmin admin(DatabaseTarget target) throws BackupException {
        try {
            return admins.apply(target);
        } catch (IllegalArgumentException e) {
            throw new BackupException(e.getMessage(), e);
        }
    }
}
