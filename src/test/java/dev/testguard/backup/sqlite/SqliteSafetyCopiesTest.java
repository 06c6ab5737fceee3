package dev.testguard.backup.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.StoredBackup;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepSafetyCopies over the safety backups an embedded restore (drop and restore) leaves in the store: SQLite. */
class SqliteSafetyCopiesTest {

    @TempDir
    Path files;
    @TempDir
    Path store;

    private final List<String> log = new ArrayList<>();

    @Test
    void threeRestoresWithKeepOneLeaveThisRestoresSafetyBackupAndTheNewestOlderOne() throws Exception {
        DatabaseTarget db = SqliteBackupEngineTest.sqlite(files, "app_test.db");
        exec(db, "CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT)", "INSERT INTO items VALUES (1, 'a'), (2, 'b')");
        BackupStore backups = new BackupStore(store);
        new BackupCommand(backups, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add).run(List.of(db));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            exec(db, "INSERT INTO items VALUES (" + (10 + i) + ", 'after backup')");
            RestoreCommand.Result r = new RestoreCommand(backups, new BackupCommand(backups, new RetentionPolicy(10, 30, null),
                    BackupOptions.DEFAULTS, log::add), BackupOptions.DEFAULTS, log::add).keepSafetyCopies(1)
                    .run("latest", db, null, "app_test.db");
            assertThat(r.rowsMatch()).isTrue();
            assertThat(count(db)).as("the backup's rows, no more").isEqualTo(2);
            made.add(r.safetyBackup().id());
        }

        assertThat(backups.list().stream().filter(b -> Manifest.PURPOSE_SAFETY.equals(b.manifest().purpose()))
                .map(StoredBackup::id)).containsExactlyInAnyOrder(made.get(1), made.get(2));
        assertThat(backups.list()).as("the backup restored from stays").hasSize(3);
        assertThat(log).anyMatch(l -> l.startsWith("safety copy dropped: '" + made.get(0) + "' ("));
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: '" + made.get(1) + "' (")
                && l.endsWith("(one of the newest 1 older ones kept)"));
        assertThat(log).anyMatch(l -> l.startsWith("safety copies of 'app_test.db' now: 2, taking "));
    }

    private static void exec(DatabaseTarget t, String... sql) throws Exception {
        try (Connection c = Connections.open(t, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static long count(DatabaseTarget t) throws Exception {
        try (Connection c = Connections.open(t, Duration.ofSeconds(5)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
