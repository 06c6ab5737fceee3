package dev.testguard.backup;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Restores a backup over a database. In this order, and nothing is touched before the third step:
 * confirmation, payload SHA-256, safety backup of the target's current state, drop and recreate,
 * restore, row counts against the manifest.
 */
public final class RestoreCommand {

    /** What a restore did. {@code safetyBackup} is null when the target did not exist. */
    public record Result(StoredBackup restored, String database, StoredBackup safetyBackup, List<RowCheck> rows) {
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

    public RestoreCommand(BackupStore store, BackupCommand backups, BackupOptions options, Progress progress) {
        this(store, backups, options, progress, DatabaseAdmins::forTarget, BackupCommand.DEFAULT_LOCK_WAIT);
    }

    public RestoreCommand(BackupStore store, BackupCommand backups, BackupOptions options, Progress progress,
                          Function<DatabaseTarget, DatabaseAdmin> admins, Duration lockWait) {
        this.store = store;
        this.backups = backups;
        this.options = options;
        this.progress = progress;
        this.admins = admins;
        this.lockWait = lockWait;
    }

    /**
     * @param idOrLatest a validated id, or {@code latest} (the newest backup of {@code source}'s database)
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
        try (StoreLock lock = store.lock(lockWait, progress::report)) {
            StoredBackup backup = store.resolve(idOrLatest, source.databaseName());
            checkVendor(backup, target);
            checkIntegrity(backup);
            BackupEngine engine = backups.restoreEngine(backup.manifest(), target);
            StoredBackup safety = null;
            if (admin.exists(database)) {
                progress.report("taking a safety backup of '" + database + "' before overwriting it");
                safety = backups.backupLocked(target, Manifest.PURPOSE_SAFETY);
            }
            progress.report("restoring " + backup.id() + " into '" + database + "' (" + target.url().masked() + ")");
            admin.drop(database);
            admin.create(database);
            engine.restore(backup.payload(), target, options, progress);
            List<RowCheck> rows = RowCheck.compare(backup.manifest().rowCounts(), admin.exactRowCounts(database));
            return new Result(backup, database, safety, rows);
        } catch (SQLException e) {
            throw new BackupException("restore into " + target.url().masked() + " failed: "
                    + Secrets.maskText(e.getMessage(), target.effectiveCredentials()), e);
        } catch (IllegalArgumentException e) {
            throw new BackupException(e.getMessage(), e);
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
