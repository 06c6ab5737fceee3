package dev.testguard.backup;

import dev.testguard.db.SafetyCopy;
import java.util.List;
import java.util.function.Predicate;

/**
 * Safety backups in the backup store, taken before a restore overwrote a database (in-place PostgreSQL restores, H2,
 * SQLite): testguard wrote each of them, so all are marked; each is dropped as a backup is, never half.
 */
final class StoredSafetyCopies implements SafetyCopyPlace {

    private final BackupStore store;
    private final Predicate<Manifest> sameServer;

    /** {@code sameServer}: whether a backup's manifest is of the restored database's server (the name is matched here). */
    StoredSafetyCopies(BackupStore store, Predicate<Manifest> sameServer) {
        this.store = store;
        this.sameServer = sameServer;
    }

    @Override
    public List<SafetyCopy> list(String database) throws BackupException {
        return store.list().stream().map(StoredBackup::manifest)
                .filter(m -> Manifest.PURPOSE_SAFETY.equals(m.purpose()) && database.equals(m.database().name()))
                .filter(sameServer)
                .map(m -> new SafetyCopy(m.id(), true, m.started().toEpochMilli(), m.sizeBytes()))
                .toList();
    }

    @Override
    public void drop(SafetyCopy copy) throws BackupException {
        for (StoredBackup b : store.list()) {
            if (b.id().equals(copy.name()) && Manifest.PURPOSE_SAFETY.equals(b.manifest().purpose())) {
                store.delete(b);
            }
        }
    }

    @Override
    public String dropStatement(SafetyCopy copy) {
        return "rm -r '" + store.root().resolve(copy.name()) + "'";
    }

    @Override
    public String byHand() {
        return "delete their directories:";
    }
}
