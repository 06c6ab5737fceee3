package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;

/**
 * Runs one restore in a child JVM so a test can SIGKILL it half-way: args are the store, the database, the user and,
 * optionally, {@code maria} (default: PostgreSQL).
 */
public final class RestoreInChildJvm {

    public static void main(String[] args) throws Exception {
        BackupStore store = new BackupStore(Path.of(args[0]));
        DatabaseTarget target = new DatabaseTarget(args.length > 3 && args[3].equals("maria")
                ? dev.testguard.backup.mysql.MariaDbFixture.url(args[1]) : PgTestDb.url(args[1]), new Credentials(args[2], null));
        new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS,
                System.out::println), BackupOptions.DEFAULTS, System.out::println).run("latest", target, null, args[1]);
    }
}
