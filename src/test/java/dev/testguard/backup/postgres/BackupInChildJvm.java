package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RetentionPolicy;
import java.nio.file.Path;
import java.util.List;

/** Runs one backup in a child JVM so a test can kill it half-way: args are the store directory and the database. */
public final class BackupInChildJvm {

    public static void main(String[] args) throws Exception {
        new BackupCommand(new BackupStore(Path.of(args[0])), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS,
                System.out::println).run(List.of(PgTestDb.target(args[1])));
    }
}
