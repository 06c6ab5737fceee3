package dev.testguard.backup;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Proves a backup restores: loads it into a scratch database {@code tg_verify_<random>} on the same
 * server, compares per-table row counts with the manifest, always drops the scratch database, and
 * records the outcome in the manifest.
 */
public final class VerifyBackupCommand {

    /** The verified backup (with its updated manifest) and the per-table comparison. */
    public record Result(StoredBackup backup, List<RowCheck> rows) {
        public boolean passed() {
            return Manifest.Verification.PASSED.equals(backup.manifest().verification().result());
        }
    }

    private final BackupStore store;
    private final BackupOptions options;
    private final Progress progress;
    private final Clock clock;
    private final Duration lockWait;

    private final BiFunction<DatabaseTarget, BackupOptions, BackupEngine> engines;

    public VerifyBackupCommand(BackupStore store, BackupOptions options, Progress progress) {
        this(store, options, progress, BackupEngines::forTarget, Clock.systemUTC(), BackupCommand.DEFAULT_LOCK_WAIT);
    }

    public VerifyBackupCommand(BackupStore store, BackupOptions options, Progress progress,
                               BiFunction<DatabaseTarget, BackupOptions, BackupEngine> engines, Clock clock, Duration lockWait) {
        this.engines = engines;
        this.store = store;
        this.options = options;
        this.progress = progress;
        this.clock = clock;
        this.lockWait = lockWait;
    }

    /** @param server any database on the server to verify on; with {@code latest}, the newest backup of its database */
    public Result run(String idOrLatest, DatabaseTarget server) throws BackupException {
        DatabaseAdmin admin;
        BackupEngine chosen;
        try {
            admin = DatabaseAdmins.forTarget(server);
            chosen = engines.apply(server, options);
        } catch (IllegalArgumentException e) {
            throw new BackupException(e.getMessage(), e);
        }
        try (StoreLock lock = store.lock(lockWait, progress::report)) {
            StoredBackup backup = store.resolve(idOrLatest, server.databaseName());
            RestoreCommand.checkVendor(backup, server);
            RestoreCommand.checkIntegrity(backup);
            BackupEngine engine = BackupEngines.forRestore(chosen, backup.manifest().engine(), server, options);
            String scratch = "tg_verify_" + HexFormat.of().formatHex(randomBytes());
            List<RowCheck> rows;
            try {
                admin.create(scratch);
                progress.report("verifying " + backup.id() + ": restoring into scratch database " + scratch);
                engine.restore(backup.payload(), admin.sibling(scratch), options, progress);
                rows = RowCheck.compare(backup.manifest().rowCounts(), admin.exactRowCounts(scratch));
            } finally {
                dropQuietly(admin, scratch);
            }
            List<RowCheck> bad = rows.stream().filter(r -> !r.ok()).toList();
            Manifest.Verification v = new Manifest.Verification(clock.instant().toString(),
                    bad.isEmpty() ? Manifest.Verification.PASSED : Manifest.Verification.FAILED,
                    bad.isEmpty() ? rows.size() + " tables restored, row counts match"
                            : bad.size() + " of " + rows.size() + " tables differ: " + bad.stream()
                            .map(r -> r.table() + " expected " + r.expected() + " got " + r.actual()).collect(Collectors.joining("; ")));
            StoredBackup updated = store.rewriteManifest(backup, backup.manifest().withVerification(v));
            return new Result(updated, rows);
        } catch (SQLException e) {
            throw new BackupException("verifying on " + server.url().masked() + " failed: "
                    + Secrets.maskText(e.getMessage(), server.effectiveCredentials().password()), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private void dropQuietly(DatabaseAdmin admin, String scratch) {
        try {
            admin.drop(scratch);
        } catch (SQLException e) {
            progress.report("WARNING: could not drop scratch database " + scratch + ": " + e.getMessage() + ". Drop it by hand.");
        }
    }
}
