package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a restore (the JVM and pg_restore) while pg_restore runs: the database is complete afterwards, and the next
 * run cleans up, says what it found, and restores.
 */
class PgRestoreKillTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private String owner;
    private String db;

    @BeforeEach
    void bigDatabase() throws Exception {
        owner = PgTestDb.uniqueName("killowner");
        db = PgTestDb.uniqueName("kill");
        DatabaseTarget pg = PgTestDb.target("postgres");
        PgTestDb.exec(pg, "CREATE ROLE " + owner + " LOGIN NOCREATEDB", "CREATE DATABASE " + db + " OWNER " + owner);
        dbs.willCreate(db);
        PgTestDb.exec(asOwner(), "CREATE TABLE big (id int PRIMARY KEY, body text)",
                "INSERT INTO big SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 600000) g");
    }

    @AfterEach
    void drop() throws Exception {
        for (String leftover : PgRoundTripTest.dumpRows(PgTestDb.target("postgres"),
                "SELECT datname FROM pg_database WHERE datname LIKE '" + db + "\\_tg%'")) {
            dbs.willCreate(leftover.replace("|", ""));
        }
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + owner);
    }

    @Test
    void killedWhileRestoringIntoTheNewDatabaseLeavesTheOriginalWhole() throws Exception {
        backup();
        String atBackup = fingerprint("big");
        PgTestDb.exec(asOwner(), "DELETE FROM big WHERE id > 1000");
        String changed = fingerprint("big");

        killDuringPgRestore("postgres");

        assertThat(fingerprint("big")).as("the original, untouched").isEqualTo(changed);
        restore(PgTestDb.target(db));
        assertThat(log).anyMatch(l -> l.contains("was interrupted before it finished: dropped its incomplete copy '" + db + "_tgnew_"));
        assertThat(fingerprint("big")).isEqualTo(atBackup);
    }

    @Test
    void killedWhileRestoringInPlaceIsPutBackByTheNextRun() throws Exception {
        backup();
        String atBackup = fingerprint("big");
        PgTestDb.exec(asOwner(), "DELETE FROM big WHERE id > 1000");
        String changed = fingerprint("big");

        killDuringPgRestore(owner);

        // the original is whole, set aside under its marked schema until the next run puts it back
        String aside = PgRoundTripTest.dumpRows(PgTestDb.target(db), "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'public\\_tgsafe\\_%'")
                .get(0).replace("|", "");
        assertThat(fingerprint(aside + ".big")).isEqualTo(changed);
        restore(asOwner());
        assertThat(log).anyMatch(l -> l.contains("was interrupted before it was verified: put its set-aside schemas [public] back"));
        assertThat(fingerprint("big")).isEqualTo(atBackup);
    }

    private void killDuringPgRestore(String user) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RestoreInChildJvm.class.getName(),
                dir.toString(), db, user).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + "-restore-child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            Optional<ProcessHandle> pgRestore = Optional.empty();
            while (System.nanoTime() < deadline && child.isAlive() && pgRestore.isEmpty()) {
                pgRestore = child.descendants().filter(p -> p.info().command().map(c -> c.endsWith("pg_restore")).orElse(false)).findFirst();
                Thread.sleep(10);
            }
            assertThat(pgRestore).as("pg_restore was seen running").isPresent();
            Thread.sleep(300); // well into the data
            child.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL pg_restore...
            child.destroyForcibly(); // ...and the JVM that ran it
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        // the server notices the dead clients' connections and rolls their transactions back
        Thread.sleep(1000);
    }

    private void backup() throws Exception {
        new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(PgTestDb.target(db)));
    }

    private void restore(DatabaseTarget as) throws Exception {
        BackupStore store = new BackupStore(dir);
        new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                BackupOptions.DEFAULTS, log::add).run("latest", as, null, db);
    }

    private DatabaseTarget asOwner() {
        return new DatabaseTarget(PgTestDb.url(db), new Credentials(owner, null));
    }

    private String fingerprint(String table) throws Exception {
        return String.join("", PgRoundTripTest.dumpRows(PgTestDb.target(db),
                "SELECT count(*), md5(string_agg(t::text, ',' ORDER BY id)) FROM " + table + " t"));
    }
}
