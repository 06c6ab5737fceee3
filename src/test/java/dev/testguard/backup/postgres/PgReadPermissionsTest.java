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
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: a backup by a role without SELECT said "could not import the requested snapshot". */
class PgReadPermissionsTest {

    private static final String PASSWORD = "Pw Zq81-Leak";

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final String role = "tg_secrets" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL) + "_ro";

    @AfterEach
    void dropDatabaseAndRole() throws Exception {
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + role);
    }

    @Test
    void aRoleWithoutSelectIsToldWhichTableAndTheGrantThatFixesIt() throws Exception {
        DatabaseTarget reader = readerWithoutSelect();

        assertThatThrownBy(() -> new PgDumpEngine().backup(reader, dir.resolve("dump"), BackupOptions.DEFAULTS, l -> { }))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("permission denied on table public.orders for role " + role)
                .hasMessageContaining("GRANT SELECT ON TABLE public.orders TO " + role + ";")
                .hasMessageContaining("GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role)
                .hasMessageContaining("sequence public.orders_id_seq")
                .hasMessageNotContaining("snapshot")
                .hasMessageNotContaining("Zq81");
    }

    @Test
    void aDenialFoundBesideARunningPgDumpStopsItAndLeavesNothing() throws Exception {
        DatabaseTarget reader = readerWithoutSelect();
        Path fake = FakePgDump.write(dir, "15.4", "printf 'PGDMP' > \"$file\"; exec sleep 60");
        BackupStore store = new BackupStore(dir.resolve("store"));

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new BackupCommand(store, new RetentionPolicy(10, 30, null), new BackupOptions(1, fake), l -> { })
                .run(List.of(reader)))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("permission denied on table public.orders for role " + role);
        assertThat((System.nanoTime() - t0) / 1_000_000_000L).as("seconds until the failure was reported").isLessThan(30);
        FakePgDump.assertNothingLeft(store, dir);
    }

    @Test
    void theGrantItNamesIsEnough() throws Exception {
        DatabaseTarget owner = dbs.create("perm");
        PgTestDb.exec(owner, "CREATE TABLE orders (id serial PRIMARY KEY, item text)",
                "INSERT INTO orders (item) VALUES ('tea')", "CREATE ROLE " + role + " LOGIN",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role,
                "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
        DatabaseTarget reader = new DatabaseTarget(owner.url(), new Credentials(role, PASSWORD));

        assertThat(new PgDumpEngine().backup(reader, dir.resolve("dump"), BackupOptions.DEFAULTS, l -> { }).rowCounts())
                .containsEntry("public.orders", 1L);
    }

    /** A database with a one-row table {@code orders} and a role that may log in but not read it. */
    private DatabaseTarget readerWithoutSelect() throws Exception {
        DatabaseTarget owner = dbs.create("perm");
        PgTestDb.exec(owner, "CREATE TABLE orders (id serial PRIMARY KEY, item text)",
                "INSERT INTO orders (item) VALUES ('tea')", "CREATE ROLE " + role + " LOGIN");
        return new DatabaseTarget(owner.url(), new Credentials(role, PASSWORD));
    }
}
