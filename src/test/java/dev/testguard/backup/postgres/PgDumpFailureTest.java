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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever fails while pg_dump runs (pg_dump itself, or a check that runs beside it) leaves nothing in the store, no
 * {@code .partial} directory and no pg_dump running, and the message names what failed.
 */
class PgDumpFailureTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final String role = "tg_dumpfail" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL) + "_ro";

    @AfterEach
    void dropDatabaseAndRole() throws Exception {
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + role);
    }

    @Test
    void aPgDumpThatFailsHalfWayLeavesNothingStored() throws Exception {
        DatabaseTarget source = smallDatabase();
        Path fake = fakePgDump("15.4", "printf 'PGDMP partial' > \"$file\"; echo 'pg_dump: error: Dumping the contents of table \"orders\" failed' >&2; exit 3");

        assertThatThrownBy(() -> backup(source, fake))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("pg_dump of " + source.url().masked() + " failed (exit 3)")
                .hasMessageContaining("Dumping the contents of table \"orders\" failed");
        assertNothingLeft();
    }

    @Test
    void aRoleThatMayNotReadStopsAPgDumpAlreadyRunning() throws Exception {
        DatabaseTarget owner = smallDatabase();
        PgTestDb.exec(owner, "CREATE ROLE " + role + " LOGIN");
        DatabaseTarget reader = new DatabaseTarget(owner.url(), new Credentials(role, null));
        Path fake = fakePgDump("15.4", "printf 'PGDMP' > \"$file\"; exec sleep 60");

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> backup(reader, fake))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("permission denied on table public.orders for role " + role);
        assertThat((System.nanoTime() - t0) / 1_000_000_000L).as("seconds until the failure was reported").isLessThan(30);
        assertNothingLeft();
    }

    @Test
    void aPgDumpOlderThanTheServerIsStoppedAndNamed() throws Exception {
        DatabaseTarget source = smallDatabase();
        Path fake = fakePgDump("9.6", "printf 'PGDMP' > \"$file\"; exec sleep 60");

        assertThatThrownBy(() -> backup(source, fake))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("pg_dump must be version 15 or newer");
        assertNothingLeft();
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

    /** A pg_dump that reports {@code version} and, asked to dump, runs {@code body} with {@code $file} its --file. */
    private Path fakePgDump(String version, String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("pg_dump");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) " + version + "'; exit 0; fi\n"
                + "for a in \"$@\"; do case \"$a\" in --file=*) file=\"${a#--file=}\";; esac; done\n"
                + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private void assertNothingLeft() throws Exception {
        BackupStore store = new BackupStore(dir.resolve("store"));
        assertThat(store.list()).isEmpty();
        try (Stream<Path> s = Files.list(store.root())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        assertThat(fakeDumpsRunning()).as("pg_dump (or what it started) still running").isZero();
    }

    /** Children of this JVM that are the fake pg_dump or its sleep, given a moment to be reaped. */
    private long fakeDumpsRunning() throws InterruptedException {
        long running = 0;
        for (int i = 0; i < 50; i++) {
            try (Stream<ProcessHandle> s = ProcessHandle.current().descendants()) {
                running = s.filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString()) || c.contains("sleep 60")).orElse(false))
                        .count();
            }
            if (running == 0) {
                return 0;
            }
            Thread.sleep(100);
        }
        return running;
    }
}
