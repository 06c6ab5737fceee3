package dev.testguard.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MariadbResetTest extends ResetContractTest {

    private final List<DatabaseTarget> created = new ArrayList<>();

    @Override
    DatabaseTarget newDatabase(String nameToken) throws Exception {
        String name = "tg_reset_" + nameToken + "_" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseTarget db = new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://localhost:3306/" + name), new Credentials("root", ""));
        new MysqlAdmin(db).create(name);
        created.add(db);
        return db;
    }

    @Override
    void dropAll() throws Exception {
        for (DatabaseTarget db : created) {
            MysqlAdmin admin = new MysqlAdmin(db);
            admin.drop(db.databaseName());
            admin.drop(MysqlReset.baselineName(db.databaseName()));
        }
    }

    @Override
    void analyze(DatabaseTarget db) throws SQLException {
        try (Connection c = Connections.open(db, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
            st.execute("ANALYZE TABLE items");
        }
    }

    @Test
    void fourConcurrentResetsWithABaselineTakeTurnsAndLeaveTheDatabaseComplete() throws Exception {
        concurrentBaselineResets(newDatabase("test"), 4, 20);
    }

    @Test
    void baselineKeepsForeignKeysGeneratedColumnsViewsTriggersAndAutoIncrement() throws Exception {
        DatabaseTarget db = newDatabase("test");
        exec(db, "CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, doubled INT AS (id * 2) VIRTUAL,"
                        + " FOREIGN KEY (parent_id) REFERENCES parent (id))",
                "CREATE TABLE log (n INT)",
                "CREATE TRIGGER child_log AFTER INSERT ON child FOR EACH ROW INSERT INTO log VALUES (NEW.id)",
                "CREATE VIEW child_names AS SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id",
                "INSERT INTO parent (name) VALUES ('p1'), ('p2')", "INSERT INTO child (id, parent_id) VALUES (10, 1)");
        resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        exec(db, "DELETE FROM child", "DELETE FROM log", "DROP VIEW child_names");

        resetter().reset(db, options(BaselineMode.USE, List.of()));

        assertThat(PostgresResetTest.single(db, "SELECT CONCAT(id, ':', name, ':', doubled) FROM child_names JOIN child USING (id)"))
                .isEqualTo("10:p1:20");
        assertThat(PostgresResetTest.single(db, "SELECT COUNT(*) FROM log")).isEqualTo("1");
        exec(db, "INSERT INTO child (id, parent_id) VALUES (11, 2)", "INSERT INTO parent (name) VALUES ('p3')");
        assertThat(PostgresResetTest.single(db, "SELECT COUNT(*) FROM log")).as("trigger restored").isEqualTo("2");
        assertThat(PostgresResetTest.single(db, "SELECT MAX(id) FROM parent")).as("auto increment kept").isEqualTo("3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exec(db, "INSERT INTO child (id, parent_id) VALUES (12, 99)"))
                .as("foreign key restored").isInstanceOf(SQLException.class);
        assertThat(tableExists(db, MysqlReset.INFO_TABLE)).isFalse();
    }
}
