package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.KilledRestore;
import dev.testguard.backup.KilledRestore.KillPoint;
import dev.testguard.backup.postgres.BackupInChildJvm;
import dev.testguard.backup.postgres.RestoreInChildJvm;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a MariaDB restore (the JVM and the mariadb client) as the client starts, right after the original tables
 * were moved aside, and while it loads the backup: the original tables are whole in the safety schema, and the next run
 * moves them back, says so, and restores.
 */
class MysqlRestoreKillTest {

    @TempDir
    Path dir;

    private final MariaDbFixture fixture = new MariaDbFixture();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private DatabaseTarget target;
    private String db;

    @BeforeEach
    void bigDatabase() throws Exception {
        target = fixture.newDatabase("mkill");
        db = target.databaseName();
        MariaDbFixture.exec(db, "CREATE TABLE big (id INT PRIMARY KEY, body TEXT)",
                "INSERT INTO big SELECT seq, REPEAT(MD5(seq), 4) FROM seq_1_to_300000");
    }

    @AfterEach
    void dropAll() throws Exception {
        fixture.close();
    }

    @Test
    void killedWhileTheClientLoadsTheBackupIsPutBackByTheNextRun() throws Exception {
        killedAt(KillPoint.during("mariadb", 300));
    }

    /*
     * Not "right after the client ended": MariaDB backups carry no content checksums, so the verification after the
     * client is a row count that ends within milliseconds, and the kill lands after the restore completed.
     */
    @Test
    void killedAsTheClientStartsRightAfterTheTablesMovedIsPutBackByTheNextRun() throws Exception {
        killedAt(KillPoint.during("mariadb", 0));
    }

    @Test
    void aBuildKilledOutrightLeavesNoMariadbDumpRunning() throws Exception {
        // big enough that mariadb-dump, left alone, would run on for well over the 5 s allowed
        MariaDbFixture.exec(db, "INSERT INTO big SELECT seq, REPEAT(MD5(seq), 8) FROM seq_300001_to_1500000");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BackupInChildJvm.class.getName(), dir.toString(), db, "maria")
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + "-backup-child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && child.isAlive() && KilledRestore.toolsNaming(db).stream()
                    .noneMatch(c -> c.startsWith("/usr/bin/mariadb-dump") || c.startsWith("/usr/bin/mysqldump"))) {
                Thread.sleep(10);
            }
            assertThat(KilledRestore.toolsNaming(db)).as("mariadb-dump was seen running").isNotEmpty();
            KilledRestore.killJvmAloneThenNoToolNames(child, db);
        } finally {
            child.destroyForcibly();
        }
    }

    private void killedAt(KillPoint point) throws Exception {
        new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(target));
        String atBackup = fingerprint(db);
        MariaDbFixture.exec(db, "DELETE FROM big WHERE id > 1000");
        String changed = fingerprint(db);

        KilledRestore.killWhen(point, RestoreInChildJvm.class.getName(), dir.toString(), db, "root", "maria");

        List<String> safety = MariaDbFixture.safetySchemasOf(db);
        assertThat(safety).as("the original tables, set aside").hasSize(1);
        assertThat(fingerprint(safety.get(0))).isEqualTo(changed);
        BackupStore store = new BackupStore(dir);
        new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                BackupOptions.DEFAULTS, log::add).run("latest", target, null, db);
        assertThat(log).anyMatch(l -> l.contains("was interrupted before it was verified: moved its original tables back from '"
                + safety.get(0) + "'"));
        assertThat(fingerprint(db)).isEqualTo(atBackup);
    }

    private static String fingerprint(String schema) throws Exception {
        try (Connection c = MariaDbFixture.open(null); Statement st = c.createStatement()) {
            st.execute("SET SESSION group_concat_max_len = 1073741824");
            try (ResultSet rs = st.executeQuery("SELECT CONCAT(COUNT(*), ':', MD5(GROUP_CONCAT(id, body ORDER BY id SEPARATOR ',')))"
                    + " FROM `" + schema + "`.big")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
