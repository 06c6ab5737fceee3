package dev.testguard.backup.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.H2Admin;
import dev.testguard.jdbc.Credentials;
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

class H2ScriptEngineTest {

    private static final String UNICODE = "emoji 😀 CJK 漢字 it's \"q\" \\ \n\r\0";

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    static DatabaseTarget h2(Path dir, String name) {
        String path = dir.resolve(name).toString();
        JdbcUrl url = new JdbcUrl("jdbc:h2:file:" + path + ";MODE=MySQL", Vendor.H2, Storage.FILE, List.of(), false,
                name, path, Map.of(), null, null);
        return new DatabaseTarget(url, new Credentials("sa", "h2-secret"));
    }

    @Test
    void roundTripKeepsSchemaDataAndSequences() throws Exception {
        DatabaseTarget source = h2(dir, "app_test");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        try (Connection c = Connections.open(source, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA other");
            st.execute("CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) UNIQUE)");
            st.execute("CREATE TABLE other.child (id INT PRIMARY KEY, parent_id INT REFERENCES public.parent(id),"
                    + " note VARCHAR(200), amount DECIMAL(30,10), data BLOB, d DATE, ts TIMESTAMP(6))");
            st.execute("CREATE VIEW v AS SELECT p.name, c.note FROM parent p JOIN other.child c ON c.parent_id = p.id");
            st.execute("INSERT INTO parent (name) VALUES ('a'), ('b'), ('c')");
            st.execute("DELETE FROM parent WHERE name = 'c'");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO other.child VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setInt(2, 1);
                ps.setString(3, UNICODE);
                ps.setBigDecimal(4, new java.math.BigDecimal("-12345678901234567890.0123456789"));
                ps.setBytes(5, all);
                ps.setObject(6, java.time.LocalDate.of(1, 1, 1));
                ps.setObject(7, java.time.LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000));
                ps.execute();
                ps.setInt(1, 2);
                ps.setNull(2, java.sql.Types.INTEGER);
                for (int i = 3; i <= 7; i++) {
                    ps.setNull(i, java.sql.Types.NULL);
                }
                ps.execute();
            }
        }
        Path payload = dir.resolve("backup.sql.gz");
        BackupOutcome outcome = new H2ScriptEngine().backup(source, payload, BackupOptions.DEFAULTS, progress::add);

        assertThat(outcome.tool()).isEqualTo("h2-script");
        assertThat(outcome.serverVersion()).startsWith("2.");
        assertThat(outcome.rowCounts()).containsExactly(Map.entry("OTHER.CHILD", 2L), Map.entry("PUBLIC.PARENT", 2L));
        assertThat(Files.readAllBytes(payload)[0] & 0xff).isEqualTo(0x1f);

        H2Admin admin = new H2Admin(source);
        admin.create("restored_test");
        DatabaseTarget target = admin.sibling("restored_test");
        new H2ScriptEngine().restore(payload, target, BackupOptions.DEFAULTS, progress::add);

        assertThat(admin.exactRowCounts("restored_test")).isEqualTo(outcome.rowCounts());
        assertThat(outcome.checksums()).containsOnlyKeys("OTHER.CHILD", "PUBLIC.PARENT");
        try (Connection c = Connections.open(target, Duration.ofSeconds(5))) {
            assertThat(TableChecksums.of(c, outcome.checksums().keySet())).isEqualTo(outcome.checksums());
        }
        assertThat(rows(target, "SELECT * FROM other.child ORDER BY id")).isEqualTo(rows(source, "SELECT * FROM other.child ORDER BY id"));
        assertThat(rows(target, "SELECT * FROM v ORDER BY name")).containsExactly("a|" + UNICODE);
        try (Connection c = Connections.open(target, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
            st.execute("INSERT INTO parent (name) VALUES ('d')");
            try (ResultSet rs = st.executeQuery("SELECT id FROM parent WHERE name = 'd'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("identity continues past deleted rows").isEqualTo(4);
            }
        }
        assertThat(String.join("\n", progress)).doesNotContain("h2-secret");
    }

    @Test
    void missingDatabaseIsNotCreated() {
        DatabaseTarget missing = h2(dir, "nothing_test");
        assertThatThrownBy(() -> new H2ScriptEngine().backup(missing, dir.resolve("b.sql.gz"), BackupOptions.DEFAULTS, progress::add))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("nothing_test")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("h2-secret"));
        assertThat(dir.resolve("nothing_test.mv.db")).doesNotExist();
        assertThat(dir.resolve("b.sql.gz")).doesNotExist();
    }

    @Test
    void adminCreatesDropsAndFindsSiblings() throws Exception {
        H2Admin admin = new H2Admin(h2(dir, "first_test"));
        assertThat(admin.exists("second_test")).isFalse();
        admin.create("second_test");
        assertThat(admin.exists("second_test")).isTrue();
        assertThat(dir.resolve("second_test.mv.db")).exists();
        assertThat(admin.sibling("second_test").url().raw()).isEqualTo("jdbc:h2:file:" + dir.resolve("second_test") + ";MODE=MySQL");
        assertThat(admin.tables("second_test")).isEmpty();
        assertThat(admin.serverVersion()).startsWith("2.");
        admin.drop("second_test");
        assertThat(admin.exists("second_test")).isFalse();
        assertThat(dir.resolve("second_test.mv.db")).doesNotExist();
    }

    private static List<String> rows(DatabaseTarget t, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = H2Admin.openExisting(t); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof java.sql.Blob blob) {
                        v = blob.getBytes(1, (int) blob.length());
                    }
                    sb.append(i > 1 ? "|" : "").append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
