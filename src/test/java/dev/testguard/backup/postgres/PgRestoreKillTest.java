package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.KilledRestore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.db.Connections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a restore (the JVM and its tools, as a killed process group) at five points: while pg_restore fills the new
 * database, while the new database is verified, while the in-place restore takes its safety backup, while pg_restore
 * runs in place, and while the in-place result is verified. Each time the database is complete afterwards (the original,
 * or the original set aside), and the next run cleans up, says which it found, and restores.
 */
class PgRestoreKillTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private String owner;
    private String db;
    private final List<Connection> closeAfter = new ArrayList<>();

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
        for (Connection c : closeAfter) {
            c.close();
        }
        for (String leftover : PgRoundTripTest.dumpRows(PgTestDb.target("postgres"),
                "SELECT datname FROM pg_database WHERE datname LIKE '" + db + "\\_tg%'")) {
            dbs.willCreate(leftover.replace("|", ""));
        }
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + owner);
    }

    @Test
    void killedWhileRestoringIntoTheNewDatabaseLeavesTheOriginalWhole() throws Exception {
        killedKeepingTheOriginal("postgres", KilledRestore.KillPoint.during("pg_restore", 300),
                "was interrupted before it finished: dropped its incomplete copy '" + db + "_tgnew_");
    }

    @Test
    void killedWhileVerifyingTheNewDatabaseLeavesTheOriginalWhole() throws Exception {
        killedKeepingTheOriginal("postgres", KilledRestore.KillPoint.when("pg_restore", verifying(db + "\\_tgnew\\_%")),
                "was interrupted before it finished: dropped its incomplete copy '" + db + "_tgnew_");
    }

    /** The safety backup of the 1000 rows left takes a fraction of a second: killed as soon as pg_dump is seen. */
    @Test
    void killedWhileTakingTheSafetyBackupLeavesTheOriginalUntouched() throws Exception {
        killedKeepingTheOriginal(owner, KilledRestore.KillPoint.during("pg_dump", 0), ", left behind by an interrupted backup");
        assertThat(log).noneMatch(l -> l.contains("was interrupted before it"));
    }

    @Test
    void killedWhileRestoringInPlaceIsPutBackByTheNextRun() throws Exception {
        killedWithTheOriginalAside(KilledRestore.KillPoint.during("pg_restore", 300));
    }

    @Test
    void killedWhileVerifyingInPlaceIsPutBackByTheNextRun() throws Exception {
        killedWithTheOriginalAside(KilledRestore.KillPoint.when("pg_restore", verifying(db)));
    }

    /** Killed before the original was touched: it is whole where it was; the next run's message says what it cleaned. */
    private void killedKeepingTheOriginal(String user, KilledRestore.KillPoint point, String nextRunSays) throws Exception {
        String[] atBackupAndChanged = backupThenChange();

        killWhen(user, point);

        assertThat(fingerprint("big")).as("the original, untouched").isEqualTo(atBackupAndChanged[1]);
        restore(user.equals(owner) ? asOwner() : PgTestDb.target(db));
        assertThat(log).anyMatch(l -> l.contains(nextRunSays));
        assertThat(fingerprint("big")).isEqualTo(atBackupAndChanged[0]);
    }

    /** Killed in place: the original is whole, set aside under its marked schema until the next run puts it back. */
    private void killedWithTheOriginalAside(KilledRestore.KillPoint point) throws Exception {
        String[] atBackupAndChanged = backupThenChange();

        killWhen(owner, point);

        String aside = PgRoundTripTest.dumpRows(PgTestDb.target(db), "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'public\\_tgsafe\\_%'")
                .get(0).replace("|", "");
        assertThat(fingerprint(aside + ".big")).isEqualTo(atBackupAndChanged[1]);
        restore(asOwner());
        assertThat(log).anyMatch(l -> l.contains("was interrupted before it was verified: put its set-aside schemas [public] back"));
        assertThat(fingerprint("big")).isEqualTo(atBackupAndChanged[0]);
    }

    /**
     * Whether the restore's own verifying query (a row count or content checksum, never one of pg_restore's statements) runs on a database
     * named like {@code databasePattern}: the verification step itself, however long pg_restore took. It lasts a fraction
     * of a second, so one connection, opened here and closed after the test, asks the server each time.
     */
    private BooleanSupplier verifying(String databasePattern) throws Exception {
        Connection watcher = Connections.open(PgTestDb.target("postgres"), Duration.ofSeconds(10));
        closeAfter.add(watcher);
        PreparedStatement active = watcher.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE datname LIKE ?"
                + " AND state = 'active' AND (query ILIKE 'select count(*)%' OR query ILIKE 'select md5(%')"
                + " AND pid <> pg_backend_pid()");
        active.setString(1, databasePattern);
        return () -> {
            try (ResultSet rs = active.executeQuery()) {
                return rs.next();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A backup, then most rows deleted: the fingerprints at the backup and after the change. */
    private String[] backupThenChange() throws Exception {
        backup();
        String atBackup = fingerprint("big");
        PgTestDb.exec(asOwner(), "DELETE FROM big WHERE id > 1000");
        return new String[] {atBackup, fingerprint("big")};
    }

    private void killWhen(String user, KilledRestore.KillPoint point) throws Exception {
        KilledRestore.killWhen(point, RestoreInChildJvm.class.getName(), dir.toString(), db, user);
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
