package dev.testguard.backup;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Backs up databases into a store, then applies retention. Holds the store's lock throughout, and
 * first removes what interrupted runs left behind.
 */
public final class BackupCommand {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(30);

    private final BackupStore store;
    private final RetentionPolicy retention;
    private final BackupOptions options;
    private final Progress progress;
    private final BiFunction<DatabaseTarget, BackupOptions, BackupEngine> engines;
    private final Clock clock;
    private final Duration lockWait;

    public BackupCommand(BackupStore store, RetentionPolicy retention, BackupOptions options, Progress progress) {
        this(store, retention, options, progress, BackupEngines::forTarget, Clock.systemUTC(), DEFAULT_LOCK_WAIT);
    }

    public BackupCommand(BackupStore store, RetentionPolicy retention, BackupOptions options, Progress progress,
                         BiFunction<DatabaseTarget, BackupOptions, BackupEngine> engines, Clock clock, Duration lockWait) {
        this.store = store;
        this.retention = retention;
        this.options = options;
        this.progress = progress;
        this.engines = engines;
        this.clock = clock;
        this.lockWait = lockWait;
    }

    /** Backs up every target in order, then applies retention; returns the new backups' manifests. */
    public List<Manifest> run(List<DatabaseTarget> targets) throws BackupException {
        for (DatabaseTarget t : targets) {
            refuseEphemeral(t);
        }
        List<Manifest> done = new ArrayList<>();
        try (StoreLock lock = store.lock(lockWait, progress::report)) {
            removeLeftovers();
            for (DatabaseTarget target : targets) {
                done.add(backupLocked(target, Manifest.PURPOSE_BACKUP).manifest());
            }
            applyRetention();
        }
        return done;
    }

    /** One backup; the caller holds the store's lock (restore uses this for its safety backup). */
    StoredBackup backupLocked(DatabaseTarget target, String purpose) throws BackupException {
        refuseEphemeral(target);
        BackupEngine engine = engine(target);
        Instant started = clock.instant();
        String[] id = new String[1];
        Path partial = store.begin(started, nameOf(target), s -> id[0] = s);
        progress.report("backing up " + target.url().masked() + " with " + engine.id() + " into " + store.root().resolve(id[0]));
        try {
            Path payload = partial.resolve(BackupStore.PAYLOAD);
            Phases phases = new Phases();
            // what follows the dump (the payload's SHA-256, the manifest's JSON) is readied beside it, on a cold JVM
            BackupOutcome outcome = engine.backup(target, payload, options, progress, () -> {
                PayloadDigest.warmUp();
                BackupStore.prepareJson();
            });
            phases.end(engine.id());
            long size = SecureFiles.size(payload);
            // the payload is read back for its SHA-256 while it is flushed to disk (commit then finds it flushed)
            Beside<Void> flushed = Beside.start("payload-fsync", () -> {
                SecureFiles.secureAndSyncTree(partial);
                return null;
            });
            String sha = PayloadDigest.sha256(payload);
            flushed.get(IOException.class);
            phases.end("SHA-256 and fsync of the payload");
            Manifest m = new Manifest(Manifest.FORMAT_VERSION, id[0], Manifest.COMPLETE, purpose,
                    new Manifest.Database(nameOf(target), target.url().vendor().displayName(), target.url().masked(),
                            outcome.serverVersion()),
                    engine.id(), outcome.tool(), outcome.toolVersion(), outcome.format(), BackupStore.PAYLOAD,
                    started.toString(), clock.instant().toString(), size, sha, outcome.rowCounts(), outcome.checksums(), null);
            StoredBackup stored = store.commit(partial, m);
            phases.end("storing");
            progress.report("backup " + m.id() + " complete: " + Sizes.human(size) + ", " + m.rowCounts().size() + " tables, "
                    + m.rowCounts().values().stream().mapToLong(Long::longValue).sum() + " rows"
                    + (m.checksums().isEmpty() ? "" : ", " + m.checksums().size() + " tables checksummed") + "; " + phases.summary());
            return stored;
        } catch (IOException e) {
            store.abandon(partial);
            throw new BackupException("cannot read back the backup of " + target.url().masked() + ": " + e.getMessage(), e);
        } catch (BackupException | RuntimeException e) {
            store.abandon(partial);
            throw e;
        }
    }

    private void removeLeftovers() throws BackupException {
        for (String name : store.removePartials()) {
            progress.report("removed " + name + ", left behind by an interrupted backup");
        }
    }

    /** Deletes what the retention policy does not keep; returns the removed ids. Caller holds the lock. */
    List<String> applyRetention() throws BackupException {
        List<StoredBackup> all = store.list();
        List<RetentionPolicy.Entry> entries = all.stream()
                .map(b -> new RetentionPolicy.Entry(b.id(), b.manifest().database().maskedUrl(), b.manifest().started()))
                .toList();
        Set<String> remove = retention.toRemove(entries);
        List<String> removed = new ArrayList<>();
        for (StoredBackup b : all) {
            if (remove.contains(b.id())) {
                store.delete(b);
                removed.add(b.id());
            }
        }
        if (!removed.isEmpty()) {
            progress.report("retention (keepLast=" + retention.keepLast() + ", keepDaily=" + retention.keepDaily()
                    + ") removed " + String.join(", ", removed));
        }
        return removed;
    }

    /** The engine this command uses for {@code target} (restore uses the same one). */
    BackupEngine engine(DatabaseTarget target) throws BackupException {
        try {
            return engines.apply(target, options);
        } catch (IllegalArgumentException e) {
            throw new BackupException(e.getMessage(), e);
        }
    }

    /** The engine that restores {@code manifest}'s backup into {@code target}: the one that wrote it, where that matters. */
    BackupEngine restoreEngine(Manifest manifest, DatabaseTarget target) throws BackupException {
        return BackupEngines.forRestore(engine(target), manifest.engine(), target, options);
    }

    static void refuseEphemeral(DatabaseTarget target) throws BackupException {
        Storage s = target.url().storage();
        if (s == Storage.MEMORY || s == Storage.CONTAINER) {
            throw new BackupException(target.url().masked() + " is ephemeral (" + (s == Storage.MEMORY ? "in-memory" : "a Testcontainers container")
                    + "): its data dies with the process, there is nothing worth backing up. Remove it from <protectedDatabases>.");
        }
        if (s == Storage.SERVER && (target.databaseName() == null || target.databaseName().isBlank())) {
            throw new BackupException(target.url().masked() + " names no database. Give the database in the URL, e.g. jdbc:postgresql://localhost:5432/orders.");
        }
    }

    /** The database's name, or for an embedded database its file name. */
    public static String nameOf(DatabaseTarget target) {
        if (target.databaseName() != null && !target.databaseName().isBlank()) {
            return target.databaseName();
        }
        String file = target.url().filePath();
        return file == null ? "db" : java.nio.file.Path.of(file.replace('~', '_')).getFileName().toString();
    }
}
