package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever fails while pg_dump runs (pg_dump itself, or a check that runs beside it) leaves nothing in the store, no
 * {@code .partial} directory and no pg_dump running, and the message names what failed (a denied read:
 * {@link PgReadPermissionsTest}). A backup that succeeds leaves no session on the server.
 */
class PgDumpFailureTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();

    @AfterEach
    void dropDatabases() throws Exception {
        dbs.close();
    }

    @Test
    void aPgDumpThatFailsHalfWayLeavesNothingStored() throws Exception {
        DatabaseTarget source = smallDatabase();
        Path fake = FakePgDump.write(dir, "15.4", "printf 'PGDMP partial' > \"$file\"; echo 'pg_dump: error: Dumping the contents of table \"orders\" failed' >&2; exit 3");

        failsLeavingNothing(source, fake, "pg_dump of " + source.url().masked() + " failed (exit 3)",
                "Dumping the contents of table \"orders\" failed");
    }

    @Test
    void aPgDumpOlderThanTheServerIsStoppedAndNamed() throws Exception {
        DatabaseTarget source = smallDatabase();
        Path fake = FakePgDump.write(dir, "9.6", "printf 'PGDMP' > \"$file\"; exec sleep 60");

        failsLeavingNothing(source, fake, "pg_dump must be version 15 or newer");
    }

    @Test
    void noSessionOutlivesABackup() throws Exception {
        DatabaseTarget source = smallDatabase();

        backup(source, null);

        assertThat(new BackupStore(dir.resolve("store")).list()).hasSize(1);
        assertThat(sessionsOn(source.databaseName())).as("sessions left on " + source.databaseName()).isZero();
    }

    /** Sessions on {@code database}, given a moment for the backends of closed connections to exit. */
    private static int sessionsOn(String database) throws Exception {
        try (java.sql.Connection c = dev.testguard.db.Connections.open(PgTestDb.target("postgres"), java.time.Duration.ofSeconds(10));
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            ps.setString(1, database);
            int sessions = -1;
            for (int i = 0; i < 20 && sessions != 0; i++) {
                Thread.sleep(i == 0 ? 0 : 100);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sessions = rs.getInt(1);
                }
            }
            return sessions;
        }
    }

    private void failsLeavingNothing(DatabaseTarget source, Path fake, String... messageParts) throws Exception {
        assertThatThrownBy(() -> backup(source, fake)).isInstanceOf(BackupException.class)
                .hasMessageContainingAll(messageParts);
        FakePgDump.assertNothingLeft(new BackupStore(dir.resolve("store")), dir);
    }

    private void backup(DatabaseTarget source, Path pgDump) throws BackupException {
        new BackupCommand(new BackupStore(dir.resolve("store")), new RetentionPolicy(10, 30, null),
                new BackupOptions(1, pgDump), l -> { }).run(List.of(source));
    }

    private DatabaseTarget smallDatabase() throws Exception {
        DatabaseTarget source = dbs.create("dumpfail");
        PgTestDb.exec(source, "CREATE TABLE orders (id serial PRIMARY KEY, item text)", "INSERT INTO orders (item) VALUES ('tea')");
        return source;
    }
}
