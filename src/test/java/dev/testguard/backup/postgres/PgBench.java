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
import java.util.Locale;

/**
 * Entry point of bench/backup-postgres.sh and bench/restore.sh, on the local PostgreSQL as postgres, in a plain JVM.
 * Progress lines go to stderr, each with the seconds since main began (the per-phase timings); stdout gets the result
 * and {@code work-seconds: S}, testguard's own work from main to done (JVM start-up, or Maven's, left out).
 * <ul>
 *   <li>{@code backup <database> <store> <jobs>}: one backup; prints its payload path</li>
 *   <li>{@code restore <database> <store> <jobs>}: the newest backup over the existing database (SHA-256, new database,
 *   pg_restore, exact row counts and checksums, swap that keeps the old database as the safety copy)</li>
 *   <li>{@code restore-new <database> <store> <jobs> <new database>}: the newest backup into a database that does not exist</li>
 * </ul>
 */
public final class PgBench {

    private static final long START = System.nanoTime();

    private static void log(String line) {
        System.err.printf(Locale.ROOT, "  [%7.2f s] %s%n", (System.nanoTime() - START) / 1e9, line);
    }

    public static void main(String[] args) throws Exception {
        BackupStore store = new BackupStore(Path.of(args[2]));
        BackupOptions options = new BackupOptions(Integer.parseInt(args[3]), null);
        BackupCommand backups = new BackupCommand(store, new RetentionPolicy(10, 30, null), options, PgBench::log);
        String out;
        if (args[0].equals("backup")) {
            Manifest m = backups.run(List.of(PgTestDb.target(args[1]))).get(0);
            out = store.root().resolve(m.id()).resolve(m.payload()).toString();
        } else {
            String into = args[0].equals("restore-new") ? args[4] : null;
            RestoreCommand.Result r = new RestoreCommand(store, backups, options, PgBench::log)
                    .run("latest", PgTestDb.target(args[1]), into, into == null ? args[1] : into);
            out = "restored " + r.rows().size() + " tables into " + r.database() + (r.safetyCopy() == null ? ""
                    : "; previous state: " + r.safetyCopy().replaceAll(" \\(.*", ""));
        }
        double work = (System.nanoTime() - START) / 1e9;
        log("done");
        System.out.println(out);
        System.out.printf(Locale.ROOT, "work-seconds: %.2f%n", work);
    }
}
