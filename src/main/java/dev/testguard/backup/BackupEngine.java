package dev.testguard.backup;

import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;

/**
 * Dumps one database to a payload and loads it back. One implementation per tool: pg_dump,
 * mariadb-dump/mysqldump, the built-in JDBC MySQL dump, H2 SCRIPT, SQLite's backup API.
 * Engines know nothing of the store: they write where they are told and report what they wrote.
 */
public interface BackupEngine {

    /** Stable id stored in manifests: {@code pg_dump}, {@code mariadb-dump}, {@code jdbc-mysql}, {@code h2-script}, {@code sqlite-backup}. */
    String id();

    /**
     * Writes a complete backup of {@code source} to {@code payload}, a path that does not exist yet
     * (the engine creates a file, or a directory for parallel formats).
     */
    BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress) throws BackupException;

    /**
     * As {@link #backup(DatabaseTarget, Path, BackupOptions, Progress)}, with {@code whileDumping} run on another thread
     * once the dump itself runs (not while it connects and checks), e.g. to ready what the caller does after it.
     */
    default BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress,
                                 Runnable whileDumping) throws BackupException {
        Beside<Void> beside = Beside.run("while-dumping", whileDumping);
        try {
            return backup(source, payload, options, progress);
        } finally {
            beside.await();
        }
    }

    /** Restores {@code payload} into {@code target}, which exists and is empty. */
    void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress) throws BackupException;

    /**
     * Restores as {@link #restore} does, then returns the exact row count of every table of {@code target}, as
     * {@code admin} counts them. An engine may count each table as soon as its data is loaded, beside the rest of the restore.
     */
    default java.util.Map<String, Long> restoreAndCount(Path payload, DatabaseTarget target, BackupOptions options, Progress progress,
                                                        dev.testguard.db.DatabaseAdmin admin) throws BackupException, java.sql.SQLException {
        restore(payload, target, options, progress);
        return admin.exactRowCounts(target.databaseName());
    }

    /** The contract of {@link #backup}: a payload that exists already is never overwritten. */
    static void requireNewPayload(Path payload) throws BackupException {
        if (java.nio.file.Files.exists(payload)) {
            throw new BackupException("backup payload " + payload + " already exists: testguard never overwrites one");
        }
    }

    /**
     * Deletes what a failed {@link #backup} wrote of {@code payload}, if it can: the store never lists an incomplete
     * payload anyway (it renames only complete ones), so a file that cannot be deleted is left to it.
     */
    static void discardIncompletePayload(Path payload) {
        try {
            java.nio.file.Files.deleteIfExists(payload);
        } catch (java.io.IOException ignored) {
            // left to the store, which never lists it
        }
    }
}
