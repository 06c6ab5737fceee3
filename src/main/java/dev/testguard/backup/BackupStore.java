package dev.testguard.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One backup directory: {@code <id>/} holds a complete backup (payload and {@code manifest.json});
 * {@code <id>.partial/} one being written or abandoned. Only complete directories are listed.
 * Writes happen under {@link #lock}: callers take it once around a whole command.
 */
public final class BackupStore {

    public static final String MANIFEST = "manifest.json";
    public static final String PAYLOAD = "payload";
    static final String PARTIAL_SUFFIX = ".partial";
    private static final String LOCK_FILE = ".lock";

    private final Path root;

    public BackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Takes the directory's lock, waiting at most {@code maxWait} and telling {@code waiting} why it waits. */
    public StoreLock lock(Duration maxWait, Consumer<String> waiting) throws BackupException {
        try {
            SecureFiles.createPrivateDirectories(root);
        } catch (IOException e) {
            throw new BackupException("cannot create the backup directory " + root + ": " + e.getMessage()
                    + ". Choose another with -Dtestguard.backupDir=<dir>.", e);
        }
        return StoreLock.acquire(root.resolve(LOCK_FILE), maxWait, waiting);
    }

    /** Complete backups, oldest first. Unreadable manifests are skipped: such a directory is not a backup. */
    public List<StoredBackup> list() throws BackupException {
        List<StoredBackup> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!BackupIds.isId(name) || !Files.isRegularFile(dir.resolve(MANIFEST))) {
                    continue;
                }
                readManifest(dir).filter(m -> m.isComplete() && name.equals(m.id()))
                        .ifPresent(m -> out.add(new StoredBackup(dir, m)));
            }
        } catch (IOException e) {
            throw new BackupException("cannot list the backup directory " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(StoredBackup::id));
        return out;
    }

    /**
     * The backup named by {@code idOrLatest} (already validated with {@link BackupIds#validateUserInput}); for
     * {@code latest}, the newest one, of {@code databaseName} when that is not null.
     */
    public StoredBackup resolve(String idOrLatest, String databaseName) throws BackupException {
        return resolve(idOrLatest, databaseName, m -> true);
    }

    /** As {@link #resolve(String, String)}, {@code latest} also limited to backups whose manifest passes {@code sameDatabase}. */
    public StoredBackup resolve(String idOrLatest, String databaseName, java.util.function.Predicate<Manifest> sameDatabase)
            throws BackupException {
        List<StoredBackup> all = list();
        if (BackupIds.LATEST.equals(idOrLatest)) {
            return all.stream()
                    .filter(b -> databaseName == null || databaseName.equals(b.manifest().database().name()))
                    .filter(b -> sameDatabase.test(b.manifest()))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new BackupException("no complete backup" + (databaseName == null ? "" : " of database '"
                            + databaseName + "'") + " in " + root + ". Run `mvn testguard:backup` first, or point to"
                            + " another store with -Dtestguard.backupDir=<dir>."));
        }
        return all.stream().filter(b -> b.id().equals(idOrLatest)).findFirst()
                .orElseThrow(() -> new BackupException("no complete backup with id '" + idOrLatest + "' in " + root
                        + ". `mvn testguard:backups` lists the ids there."));
    }

    /** Reserves a fresh id (never reused, even within one millisecond) and creates its {@code .partial} directory. */
    public Path begin(Instant startedAt, String databaseName, Consumer<String> idOut) throws BackupException {
        Instant at = startedAt;
        try {
            while (true) {
                String id = BackupIds.newId(at, databaseName);
                Path partial = root.resolve(id + PARTIAL_SUFFIX);
                if (!Files.exists(root.resolve(id)) && !Files.exists(partial)) {
                    Files.createDirectory(partial);
                    SecureFiles.ownerOnly(partial);
                    idOut.accept(id);
                    return partial;
                }
                at = at.plusMillis(1);
            }
        } catch (IOException e) {
            throw new BackupException("cannot create a backup directory in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Secures and flushes the payload, writes the manifest last, then renames {@code <id>.partial} to {@code <id>}. */
    public StoredBackup commit(Path partial, Manifest manifest) throws BackupException {
        Path done = root.resolve(manifest.id());
        try {
            SecureFiles.secureAndSyncTree(partial);
            SecureFiles.writeAtomically(partial.resolve(MANIFEST), ManifestJson.write(manifest));
            Files.move(partial, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            SecureFiles.fsyncDirectory(root);
        } catch (IOException e) {
            throw new BackupException("cannot complete backup " + manifest.id() + " in " + root + ": " + e.getMessage(), e);
        }
        return new StoredBackup(done, manifest);
    }

    /**
     * Loads the manifest's JSON classes, so that a backup that calls this beside its dump finds them ready when it commits
     * and applies retention.
     */
    public static void prepareJson() {
        ManifestJson.prepare();
    }

    /** Rewrites a complete backup's manifest atomically, e.g. to record a verification. */
    public StoredBackup rewriteManifest(StoredBackup backup, Manifest manifest) throws BackupException {
        try {
            SecureFiles.writeAtomically(backup.directory().resolve(MANIFEST), ManifestJson.write(manifest));
        } catch (IOException e) {
            throw new BackupException("cannot update the manifest of backup " + backup.id() + ": " + e.getMessage(), e);
        }
        return new StoredBackup(backup.directory(), manifest);
    }

    /** Deletes a backup: first renamed to {@code .partial} so a half-finished deletion never lists as complete. */
    public void delete(StoredBackup backup) throws BackupException {
        Path partial = root.resolve(backup.id() + PARTIAL_SUFFIX);
        try {
            Files.move(backup.directory(), partial, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            SecureFiles.fsyncDirectory(root);
            SecureFiles.deleteTree(partial);
        } catch (IOException e) {
            throw new BackupException("cannot delete backup " + backup.id() + " in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Removes the leftovers of interrupted backups. Call only while holding the lock. Returns their names. */
    public List<String> removePartials() throws BackupException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "*" + PARTIAL_SUFFIX)) {
            for (Path dir : dirs) {
                SecureFiles.deleteTree(dir);
                removed.add(dir.getFileName().toString());
            }
        } catch (IOException e) {
            throw new BackupException("cannot remove an interrupted backup in " + root + ": " + e.getMessage(), e);
        }
        return removed;
    }

    public void abandon(Path partial) {
        try {
            SecureFiles.deleteTree(partial);
        } catch (IOException ignored) {
            // the next run removes it
        }
    }

    static Optional<Manifest> readManifest(Path dir) {
        try {
            return Optional.of(ManifestJson.read(dir.resolve(MANIFEST)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
