package dev.testguard.backup;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import dev.testguard.db.Connections;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Map;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Proves a backup restores: loads it into a scratch database ({@link ScratchDatabases}) on the same
 * server, compares per-table row counts and, for the tables the manifest holds one for, content checksums
 * ({@link TableChecksums}) with the manifest, always drops the scratch database, and records the outcome in the manifest.
 */
public final class VerifyBackupCommand {

    /**
     * The verified backup (with its updated manifest), the per-table row comparison, how many tables had their
     * content checksum compared and which of those differ.
     */
    public record Result(StoredBackup backup, List<RowCheck> rows, int checksumsCompared, List<String> checksumMismatches) {
        public boolean passed() {
            return Manifest.Verification.PASSED.equals(backup.manifest().verification().result());
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

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
            dropLeftoverScratch(admin);
            String scratch = ScratchDatabases.newName();
            Map<String, String> expectedSums = backup.manifest().checksums();
            List<RowCheck> rows;
            Map<String, String> actualSums;
            boolean created = false;
            try {
                admin.create(scratch);
                created = true;
                progress.report("verifying " + backup.id() + ": restoring into scratch database " + scratch);
                DatabaseTarget restored = admin.sibling(scratch);
                engine.restore(backup.payload(), restored, options, progress);
                rows = RowCheck.compare(backup.manifest().rowCounts(), admin.exactRowCounts(scratch));
                actualSums = expectedSums.isEmpty() ? Map.of() : checksums(restored, expectedSums);
            } finally {
                if (created) {
                    dropQuietly(admin, scratch);
                }
            }
            List<String> sumsBad = TableChecksums.mismatches(expectedSums, actualSums);
            Manifest.Verification v = verdict(rows, expectedSums.size(), sumsBad);
            StoredBackup updated = store.rewriteManifest(backup, backup.manifest().withVerification(v));
            return new Result(updated, rows, expectedSums.size(), sumsBad);
        } catch (SQLException e) {
            throw new BackupException("verifying on " + server.url().masked() + " failed: "
                    + Secrets.maskText(e.getMessage(), server.effectiveCredentials()), e);
        }
    }

    private Manifest.Verification verdict(List<RowCheck> rows, int checksummed, List<String> sumsBad) {
        List<RowCheck> bad = rows.stream().filter(r -> !r.ok()).toList();
        String checked = checksummed + " of " + rows.size() + " tables checksum-verified (the others by row count only)";
        List<String> problems = new ArrayList<>();
        if (!bad.isEmpty()) {
            problems.add(bad.size() + " of " + rows.size() + " tables differ in row count: " + bad.stream()
                    .map(r -> r.table() + " expected " + r.expected() + " got " + r.actual()).collect(Collectors.joining("; ")));
        }
        if (!sumsBad.isEmpty()) {
            problems.add(sumsBad.size() + " of " + checksummed + " checksummed tables differ in content: " + String.join(", ", sumsBad));
        }
        return new Manifest.Verification(clock.instant().toString(),
                problems.isEmpty() ? Manifest.Verification.PASSED : Manifest.Verification.FAILED,
                problems.isEmpty() ? rows.size() + " tables restored, row counts match; " + checked
                        : String.join(". ", problems) + ". " + checked);
    }

    private static Map<String, String> checksums(DatabaseTarget restored, Map<String, String> expected) throws SQLException {
        try (Connection c = Connections.open(restored, CONNECT_TIMEOUT)) {
            return TableChecksums.matching(c, expected); // each with the algorithm the manifest names
        }
    }

    /** A build killed while verifying could not drop its scratch database: do it now that its maker is gone. */
    private void dropLeftoverScratch(DatabaseAdmin admin) {
        try {
            for (String name : ScratchDatabases.dropLeftovers(admin)) {
                progress.report("dropped scratch database " + name + ", left by a build on this host that is no longer running");
            }
        } catch (SQLException e) {
            progress.report("WARNING: could not look for scratch databases left by killed builds: " + e.getMessage());
        }
    }

    private void dropQuietly(DatabaseAdmin admin, String scratch) {
        try {
            admin.drop(scratch);
        } catch (SQLException e) {
            progress.report("WARNING: could not drop scratch database " + scratch + ": " + e.getMessage() + ". Drop it by hand.");
        }
    }
}
