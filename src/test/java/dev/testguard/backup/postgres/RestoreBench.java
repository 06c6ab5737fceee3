package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark entry point for bench/restore.sh, on the local PostgreSQL as postgres.
 * {@code RestoreBench backup <database> <store>}: one custom-format backup, prints its payload path.
 * {@code RestoreBench restore <database> <store> <jobs>}: restores the newest backup over the existing database
 * (SHA-256, new database, pg_restore, row counts and checksums, swap keeping the old one), prints the safety copy.
 */
public final class RestoreBench {

    private static final long START = System.nanoTime();

    /** Progress lines to stderr, each with the seconds since the JVM entered main: the bench's phase timings. */
    private static void log(String line) {
        System.err.printf("  [%7.2f s] %s%n", (System.nanoTime() - START) / 1e9, line);
    }

    public static void main(String[] args) throws Exception {
        BackupStore store = new BackupStore(Path.of(args[2]));
        if (args[0].equals("backup")) {
            BackupCommand backup = new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, RestoreBench::log);
            Manifest m = backup.run(List.of(PgTestDb.target(args[1]))).get(0);
            log("done");
            System.out.println(store.root().resolve(m.id()).resolve(m.payload()));
            return;
        }
        BackupOptions options = new BackupOptions(Integer.parseInt(args[3]), null);
        RestoreCommand.Result r = new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), options,
                RestoreBench::log), options, RestoreBench::log).run("latest", PgTestDb.target(args[1]), null, args[1]);
        log("done");
        System.out.println("restored; previous state: " + r.safetyCopy() + "; tables checksummed: " + r.content().checksummed());
    }
}
