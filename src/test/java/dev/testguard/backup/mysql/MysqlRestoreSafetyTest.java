package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.ReplacingRestore;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.StoredBackup;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.jdbc.Vendor;
import dev.testguard.probe.Stamp;
import dev.testguard.probe.StampStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore over an existing MariaDB database: old tables kept in a safety schema, stamp kept, failures put back. */
class MysqlRestoreSafetyTest {

    @TempDir
    Path dir;

    private final MariaDbFixture fixture = new MariaDbFixture();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private DatabaseTarget target;
    private String db;

    @BeforeEach
    void stampedProtectedDatabase() throws Exception {
        target = fixture.newDatabase("mrestore");
        db = target.databaseName();
        MariaDbFixture.exec(db,
                "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL)",
                "CREATE TABLE tags (item INT NOT NULL, tag VARCHAR(20) NOT NULL, FOREIGN KEY (item) REFERENCES items(id))",
                "INSERT INTO items SELECT seq, CONCAT('item ', seq) FROM seq_1_to_300",
                "INSERT INTO tags SELECT seq, 'red' FROM seq_1_to_120");
        stamp("ops@backup-time");
    }

    @AfterEach
    void dropAll() throws Exception {
        fixture.close();
    }

    @Test
    void restoreOverExistingKeepsTheOldTablesInASafetySchemaAndTheTargetsOwnStamp() throws Exception {
        Manifest m = backup();
        String atBackup = content(db);
        MariaDbFixture.exec(db, "DELETE FROM tags WHERE item > 10", "DELETE FROM items WHERE id > 10");
        stamp("ops@after-backup");
        String changed = content(db);
        String stampBefore = stampOf(db);

        RestoreCommand.Result r = new RestoreCommand(new BackupStore(dir), backupCommand(), BackupOptions.DEFAULTS, log::add)
                .run("latest", target, null, db);

        assertThat(m.rowCounts()).containsEntry("items", 300L);
        assertThat(m.tool()).as("the dump tool on PATH").isEqualTo("mariadb-dump");
        assertThat(m.checksums()).containsOnlyKeys("items", "tags", "testguard_stamp");
        assertThat(r.rowsMatch()).isTrue();
        assertThat(r.content().checksummed()).as("every table of the backup checksum-verified").isEqualTo(2);
        assertThat(r.content().checksumMismatches()).isEmpty();
        assertThat(content(db)).isEqualTo(atBackup);
        assertThat(stampOf(db)).as("the target's own stamp, not the backup's").isEqualTo(stampBefore).contains("ops@after-backup");
        List<String> safety = MariaDbFixture.safetySchemasOf(db);
        assertThat(safety).hasSize(1);
        assertThat(r.safetyCopy()).contains(safety.get(0));
        assertThat(content(safety.get(0))).isEqualTo(changed);
        assertThat(MariaDbFixture.column(safety.get(0), "SELECT state FROM testguard_restore_state")).containsExactly("complete");
    }

    @Test
    void aFailedRestoreMovesTheOriginalTablesBack() throws Exception {
        Manifest m = backup();
        MariaDbFixture.exec(db, "DELETE FROM tags WHERE item > 10", "DELETE FROM items WHERE id > 10");
        String before = content(db);
        String stampBefore = stampOf(db);
        StoredBackup stored = new BackupStore(dir).resolve(m.id(), null);
        Map<String, Long> wrong = new TreeMap<>(m.rowCounts());
        wrong.put("items", 299L); // the restored content will not match: verification fails after the restore
        StoredBackup tampered = new StoredBackup(stored.directory(), new Manifest(m.formatVersion(), m.id(), m.status(), m.purpose(),
                m.database(), m.engine(), m.tool(), m.toolVersion(), m.format(), m.payload(), m.startedAt(), m.finishedAt(),
                m.sizeBytes(), m.sha256(), wrong, m.checksums(), m.verification()));

        failedRestoreOf(tampered)
                .hasMessageContaining("failed while verifying the restored content")
                .hasMessageContaining("items (expected 299, found 300)");
        assertThat(content(db)).isEqualTo(before);
        assertThat(stampOf(db)).isEqualTo(stampBefore);
        assertThat(MariaDbFixture.safetySchemasOf(db)).isEmpty();
    }

    @Test
    void aDumpWithOneValueChangedIsCaughtByItsChecksumAndTheOriginalKept() throws Exception {
        Manifest m = backup();
        MariaDbFixture.exec(db, "DELETE FROM tags WHERE item > 10", "DELETE FROM items WHERE id > 10");
        String before = content(db);
        StoredBackup stored = new BackupStore(dir).resolve(m.id(), null);
        String sql = Files.readString(stored.payload());
        assertThat(sql).contains("(7,'item 7')");
        Files.writeString(stored.payload(), sql.replace("(7,'item 7')", "(7,'item X')")); // same rows, one value changed

        failedRestoreOf(stored)
                .hasMessageContaining("content checksums differ for items")
                .hasMessageNotContaining("row counts differ");
        assertThat(content(db)).isEqualTo(before);
        assertThat(MariaDbFixture.safetySchemasOf(db)).isEmpty();
    }

    @Test
    void aRestoreWaitsForTheDatabaseLockThatResetHolds() throws Exception {
        backup();
        MariaDbFixture.exec(db, "DELETE FROM tags WHERE item > 10", "DELETE FROM items WHERE id > 10");
        String before = content(db);
        RestoreCommand restore = new RestoreCommand(new BackupStore(dir), backupCommand(), BackupOptions.DEFAULTS, log::add,
                DatabaseAdmins::forTarget, Duration.ofSeconds(1), 10_000);
        try (DatabaseLock held = DatabaseAdmins.forTarget(target).lock(db, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> restore.run("latest", target, null, db)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("another testguard run is working on " + db);
            assertThat(content(db)).as("nothing touched while another run holds the lock").isEqualTo(before);
        }
        assertThat(restore.run("latest", target, null, db).rowsMatch()).as("once the lock is free").isTrue();
    }

    @Test
    void anInterruptedRestoreIsPutBackByTheNextRun() throws Exception {
        backup();
        String atBackup = content(db);
        MariaDbFixture.exec(db, "DELETE FROM tags WHERE item > 10", "DELETE FROM items WHERE id > 10");
        // what a run killed after moving the tables leaves: the tables in a safety schema marked in progress, a half restore
        try (Connection c = MariaDbFixture.open(db)) {
            dev.testguard.db.MysqlAdmin.createSafetySchema(c, db + "_tgsafe_killed", db);
            dev.testguard.db.MysqlAdmin.moveTables(c, db, db + "_tgsafe_killed", List.of("items", "tags", "testguard_stamp"));
        }
        MariaDbFixture.exec(db, "CREATE TABLE items (id INT PRIMARY KEY)", "INSERT INTO items VALUES (1)");

        new RestoreCommand(new BackupStore(dir), backupCommand(), BackupOptions.DEFAULTS, log::add).run("latest", target, null, db);

        assertThat(log).anyMatch(l -> l.contains("was interrupted before it was verified: moved its original tables back from '"
                + db + "_tgsafe_killed'"));
        assertThat(content(db)).isEqualTo(atBackup);
    }

    /** Restores {@code backup} over the target: its verification fails and the original tables are moved back. */
    private AbstractThrowableAssert<?, ? extends Throwable> failedRestoreOf(StoredBackup backup) {
        ReplacingRestore.Request request = new ReplacingRestore.Request(backup, MysqlEngines.choose(BackupOptions.DEFAULTS),
                target, new DestructiveGuard("restore", 10_000, db), BackupOptions.DEFAULTS, log::add, t -> null);
        return assertThatThrownBy(() -> new MysqlReplacingRestore().restoreOver(request)).isInstanceOf(BackupException.class)
                .hasMessageContaining("The original tables were moved back from '" + db + "_tgsafe_");
    }

    private Manifest backup() throws Exception {
        return backupCommand().run(List.of(target)).get(0);
    }

    private BackupCommand backupCommand() {
        return new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add);
    }

    private void stamp(String by) throws Exception {
        try (Connection c = MariaDbFixture.open(db)) {
            StampStores.forVendor(Vendor.MARIADB).orElseThrow()
                    .write(c, new Stamp(Stamp.Role.PROTECTED, Instant.parse("2026-01-01T00:00:00Z"), by, null));
        }
    }

    private String stampOf(String schema) throws Exception {
        return String.join(",", MariaDbFixture.column(schema, "SELECT CONCAT(role, '|', stamped_by) FROM testguard_stamp"));
    }

    private static String content(String schema) throws Exception {
        return String.join(";", MariaDbFixture.column(schema, "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT(id, label))), 0)) FROM items"))
                + "/" + String.join(";", MariaDbFixture.column(schema, "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT(item, tag))), 0)) FROM tags"));
    }
}
