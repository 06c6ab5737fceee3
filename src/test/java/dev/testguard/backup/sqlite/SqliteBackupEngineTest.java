package dev.testguard.backup.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.SqliteAdmin;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBackupEngineTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    static DatabaseTarget sqlite(Path dir, String name) {
        String path = dir.resolve(name).toString();
        return new DatabaseTarget(new JdbcUrl("jdbc:sqlite:" + path, Vendor.SQLITE, Storage.FILE, List.of(), false,
                name, path, Map.of(), null, null), null);
    }

    @Test
    void roundTripWhileTheSourceIsOpen() throws Exception {
        DatabaseTarget source = sqlite(dir, "app test.db");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        try (Connection live = Connections.open(source, Duration.ofSeconds(5))) {
            try (Statement st = live.createStatement()) {
                st.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE)");
                st.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), note TEXT, data BLOB, amount REAL)");
                st.execute("CREATE INDEX idx_note ON child(note)");
                st.execute("CREATE VIEW v AS SELECT p.name, c.note FROM parent p JOIN child c ON c.parent_id = p.id");
                st.execute("CREATE TRIGGER t AFTER INSERT ON parent BEGIN INSERT INTO child (parent_id, note) VALUES (NEW.id, 'auto'); END");
                st.execute("INSERT INTO parent (name) VALUES ('a'), ('b'), ('c')");
                st.execute("DELETE FROM parent WHERE name = 'c'");
            }
            try (PreparedStatement ps = live.prepareStatement("INSERT INTO child (parent_id, note, data, amount) VALUES (1, ?, ?, ?)")) {
                ps.setString(1, "emoji 😀 CJK 漢字 it's \0");
                ps.setBytes(2, all);
                ps.setDouble(3, 0.1);
                ps.execute();
            }
            // the source stays open (as in a running application) while it is backed up
            Path payload = dir.resolve("backup.sqlite");
            BackupOutcome outcome = new SqliteBackupEngine().backup(source, payload, BackupOptions.DEFAULTS, progress::add);
            assertThat(outcome.tool()).isEqualTo("sqlite-backup");
            assertThat(outcome.format()).isEqualTo("sqlite");
            assertThat(outcome.rowCounts()).containsExactly(Map.entry("child", 4L), Map.entry("parent", 2L));

            SqliteAdmin admin = new SqliteAdmin(source);
            admin.create("restored_test.db");
            DatabaseTarget target = admin.sibling("restored_test.db");
            new SqliteBackupEngine().restore(payload, target, BackupOptions.DEFAULTS, progress::add);

            assertThat(admin.exactRowCounts("restored_test.db")).isEqualTo(outcome.rowCounts());
            assertThat(outcome.checksums()).containsOnlyKeys("child", "parent");
            try (Connection c = Connections.open(target, Duration.ofSeconds(5))) {
                assertThat(TableChecksums.of(c, outcome.checksums().keySet())).isEqualTo(outcome.checksums());
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE child SET note = note || '.' WHERE id = (SELECT min(id) FROM child)");
                }
                assertThat(TableChecksums.mismatches(outcome.checksums(), TableChecksums.of(c, outcome.checksums().keySet())))
                        .containsExactly("child");
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE child SET note = substr(note, 1, length(note) - 1) WHERE id = (SELECT min(id) FROM child)");
                }
                assertThat(TableChecksums.of(c, outcome.checksums().keySet())).isEqualTo(outcome.checksums());
            }
            String all4 = "SELECT * FROM child ORDER BY id";
            assertThat(rows(target, all4)).isEqualTo(rows(source, all4)).hasSize(4);
            assertThat(rows(target, "SELECT sql FROM sqlite_master ORDER BY name"))
                    .isEqualTo(rows(source, "SELECT sql FROM sqlite_master ORDER BY name"));
            try (Connection c = Connections.open(target, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
                st.execute("INSERT INTO parent (name) VALUES ('d')");
                try (ResultSet rs = st.executeQuery("SELECT id, (SELECT COUNT(*) FROM child WHERE note = 'auto') FROM parent WHERE name = 'd'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("AUTOINCREMENT continues").isEqualTo(4);
                    assertThat(rs.getInt(2)).as("trigger fires").isEqualTo(4);
                }
            }
        }
    }

    @Test
    void missingDatabaseIsNotCreated() {
        DatabaseTarget missing = sqlite(dir, "missing_test.db");
        assertThatThrownBy(() -> new SqliteBackupEngine().backup(missing, dir.resolve("b.sqlite"), BackupOptions.DEFAULTS, progress::add))
                .isInstanceOf(BackupException.class).hasMessageContaining("missing_test.db").hasMessageContaining("does not exist");
        assertThat(dir.resolve("missing_test.db")).doesNotExist();
    }

    @Test
    void adminTreatsFilesAsDatabases() throws Exception {
        SqliteAdmin admin = new SqliteAdmin(sqlite(dir, "one_test.db"));
        assertThat(admin.exists("two_test.db")).isFalse();
        admin.create("two_test.db");
        assertThat(admin.exists("two_test.db")).isTrue();
        assertThat(admin.tables("two_test.db")).isEmpty();
        assertThat(admin.sibling("two_test.db").url().raw()).isEqualTo("jdbc:sqlite:" + dir.resolve("two_test.db"));
        Files.writeString(dir.resolve("two_test.db-wal"), "");
        admin.drop("two_test.db");
        assertThat(dir.resolve("two_test.db")).doesNotExist();
        assertThat(dir.resolve("two_test.db-wal")).doesNotExist();
        assertThat(admin.serverVersion()).startsWith("3.");
    }

    private static List<String> rows(DatabaseTarget t, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = SqliteAdmin.openExisting(SqliteAdmin.fileOf(t)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    sb.append(i > 1 ? "|" : "").append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
