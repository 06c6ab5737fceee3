package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RetentionPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one backup in a child JVM so a test can kill it half-way: args are the store directory, the database and,
 * optionally, {@code maria} (default: PostgreSQL).
 */
public final class BackupInChildJvm {

    public static void main(String[] args) throws Exception {
        new BackupCommand(new BackupStore(Path.of(args[0])), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS,
                System.out::println).run(List.of(args.length > 2 && args[2].equals("maria")
                        ? dev.testguard.backup.mysql.MariaDbFixture.target(args[1]) : PgTestDb.target(args[1])));
    }
}
