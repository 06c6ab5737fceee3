package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.tool.ExternalTool;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MysqlRoundTripTest {

    private static final int BULK_ROWS = 5000;

    @TempDir
    Path dir;

    private MariaDbFixture fixture;
    private DatabaseTarget source;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void createSource() throws Exception {
        fixture = new MariaDbFixture();
        source = fixture.newDatabase("source");
        try (Connection c = MariaDbFixture.open(source.databaseName())) {
            SampleSchema.create(c, BULK_ROWS);
        }
    }

    @AfterEach
    void dropDatabases() throws Exception {
        fixture.close();
    }

    private final JdbcMysqlDumpEngine jdbc = new JdbcMysqlDumpEngine();
    private final MysqlDumpEngine tool = MysqlDumpEngine.onPath().orElseThrow();

    @Test
    void jdbcDumpRestoredByJdbcEngineEqualsSource() throws Exception {
        Path payload = dir.resolve("dump.sql");
        BackupOutcome outcome = jdbc.backup(source, payload, BackupOptions.DEFAULTS, progress::add);

        assertThat(outcome.tool()).isEqualTo("jdbc-mysql");
        assertThat(outcome.format()).isEqualTo("sql");
        assertThat(outcome.serverVersion()).contains("MariaDB");
        assertThat(new ArrayList<>(outcome.rowCounts().entrySet())).as("exact counts, sorted by table")
                .containsExactly(Map.entry("audit", 6L), Map.entry("bulk", (long) BULK_ROWS), Map.entry("child", 3L),
                        Map.entry("empty_one", 0L), Map.entry("parent", 2L));
        assertThat(Files.readString(payload)).as("bulk data is split into bounded INSERTs")
                .containsPattern("(?s)INSERT INTO `bulk`.*INSERT INTO `bulk`");

        DatabaseTarget restored = restoreInto("jdbcjdbc", jdbc, payload);
        DatabaseComparison.assertSameContent(source.databaseName(), restored.databaseName());
        assertObjectsWork(restored.databaseName());
    }

    @Test
    void jdbcDumpRestoredByMariadbClientEqualsSource() throws Exception {
        Path payload = dir.resolve("dump.sql");
        jdbc.backup(source, payload, BackupOptions.DEFAULTS, progress::add);

        DatabaseTarget restored = restoreInto("jdbcclient", tool, payload);
        DatabaseComparison.assertSameContent(source.databaseName(), restored.databaseName());
        assertObjectsWork(restored.databaseName());
    }

    @Test
    void gzipJdbcDumpRoundTrips() throws Exception {
        Path payload = dir.resolve("dump.sql.gz");
        BackupOutcome outcome = jdbc.backup(source, payload, BackupOptions.DEFAULTS, progress::add);

        assertThat(outcome.format()).isEqualTo("sql.gz");
        byte[] head = Files.readAllBytes(payload);
        assertThat(head[0] & 0xff).isEqualTo(0x1f);
        assertThat(head[1] & 0xff).isEqualTo(0x8b);
        DatabaseTarget restored = restoreInto("gzip", jdbc, payload);
        DatabaseComparison.assertSameContent(source.databaseName(), restored.databaseName());
    }

    @Test
    void mariadbDumpRoundTripsWithClientAndWithJdbcEngine() throws Exception {
        Path payload = dir.resolve("dump.sql");
        BackupOutcome outcome = tool.backup(source, payload, BackupOptions.DEFAULTS, progress::add);

        assertThat(outcome.tool()).isIn("mariadb-dump", "mysqldump");
        assertThat(outcome.toolVersion()).matches("[0-9].*");
        assertThat(outcome.rowCounts()).containsEntry("bulk", (long) BULK_ROWS).containsEntry("child", 3L);
        assertThat(Files.readString(payload)).doesNotContain("CREATE DATABASE").doesNotContain("USE `");

        DatabaseTarget byClient = restoreInto("dumpclient", tool, payload);
        DatabaseComparison.assertSameContent(source.databaseName(), byClient.databaseName());
        assertObjectsWork(byClient.databaseName());

        DatabaseTarget byJdbc = restoreInto("dumpjdbc", jdbc, payload);
        DatabaseComparison.assertSameContent(source.databaseName(), byJdbc.databaseName());
    }

    @Test
    void jdbcEngineAgreesWithMariadbDumpOnTheSameData() throws Exception {
        Path jdbcPayload = dir.resolve("jdbc.sql");
        Path toolPayload = dir.resolve("tool.sql");
        BackupOutcome jdbcOutcome = jdbc.backup(source, jdbcPayload, BackupOptions.DEFAULTS, progress::add);
        BackupOutcome toolOutcome = tool.backup(source, toolPayload, BackupOptions.DEFAULTS, progress::add);

        assertThat(jdbcOutcome.rowCounts()).isEqualTo(toolOutcome.rowCounts());
        DatabaseTarget fromJdbc = restoreInto("agreejdbc", tool, jdbcPayload);
        DatabaseTarget fromTool = restoreInto("agreetool", tool, toolPayload);
        DatabaseComparison.assertSameContent(fromTool.databaseName(), fromJdbc.databaseName());
    }

    @Test
    void chooserPrefersTheDumpToolAndHonoursToolPath() throws Exception {
        assertThat(MysqlEngines.choose(BackupOptions.DEFAULTS)).isInstanceOf(MysqlDumpEngine.class);
        Path explicit = ExternalTool.find("mysqldump").orElseThrow().executable();
        BackupEngine chosen = MysqlEngines.choose(new BackupOptions(1, explicit));
        assertThat(chosen.id()).isEqualTo("mysqldump");
        assertThat(MysqlEngines.forId("jdbc-mysql", BackupOptions.DEFAULTS)).isInstanceOf(JdbcMysqlDumpEngine.class);
        assertThat(MysqlEngines.forId("pg_dump", BackupOptions.DEFAULTS)).isNull();
    }

    private DatabaseTarget restoreInto(String purpose, BackupEngine engine, Path payload) throws Exception {
        String name = fixture.reserveName(purpose);
        MysqlAdmin admin = new MysqlAdmin(source);
        admin.create(name);
        DatabaseTarget target = admin.sibling(name);
        engine.restore(payload, target, BackupOptions.DEFAULTS, progress::add);
        return target;
    }

    /** Triggers, functions, procedures and views are not just present but work in the restored database. */
    private static void assertObjectsWork(String db) throws Exception {
        try (Connection c = MariaDbFixture.open(db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO parent (name) VALUES ('delta')");
            try (ResultSet rs = st.executeQuery("SELECT id FROM parent WHERE name = 'delta'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("AUTO_INCREMENT position kept").isEqualTo(4);
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit WHERE msg = 'new; parent delta'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("trigger fires").isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT f_double(21), (SELECT COUNT(*) FROM a_on_view)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
            try (CallableStatement cs = c.prepareCall("{CALL p_count(?)}")) {
                cs.registerOutParameter(1, Types.INTEGER);
                cs.execute();
                assertThat(cs.getInt(1)).isEqualTo(3);
            }
            assertThat(MariaDbFixture.open(db).createStatement().executeUpdate("DELETE FROM parent WHERE id = 1"))
                    .isEqualTo(1);
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM child WHERE parent_id = 1")) {
                rs.next();
                assertThat(rs.getInt(1)).as("foreign key cascades").isZero();
            }
        }
    }
}
