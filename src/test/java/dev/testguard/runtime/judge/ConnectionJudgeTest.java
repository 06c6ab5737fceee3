package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.policy.Classification;
import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judgements made before any socket opens (no server needed). */
class ConnectionJudgeTest {

    @TempDir
    Path dir;

    private ConnectionJudge judge(boolean offline) {
        PolicySettings policy = PolicySettings.defaults(dir, dir.resolve("target"), false);
        return new ConnectionJudge(policy, offline, new ConnectionLog(dir.resolve("records"), "tok", 42),
                new TestClasses(dir.resolve("target/test-classes")));
    }

    @Test
    void anInMemoryDatabaseIsEphemeralWithoutConnecting() throws SQLException {
        ConnectionJudge.Pending pending = judge(false).before("jdbc:h2:mem:x", new Properties(), false);

        assertThat(pending.known().classification()).isEqualTo(Classification.EPHEMERAL);
    }

    @Test
    void aUrlWhosePartsDisagreeIsRefusedBeforeTheSocketOpens() {
        Properties info = new Properties();
        info.setProperty("password", "s3cret");

        assertThatThrownBy(() -> judge(false).before(
                "jdbc:postgresql://localhost:5432/app_test?PGDBNAME=app_prod&password=s3cret", info, false))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("testguard refused a connection to ")
                .hasMessageContaining("-Dtestguard.runtime=false")
                .hasMessageNotContaining("s3cret")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).singleElement()
                .satisfies(r -> assertThat(r.isRefusal()).isTrue());
    }

    @Test
    void offlineTheStaticVerdictDecidesBeforeTheSocketOpens() {
        assertThatThrownBy(() -> judge(true).before("jdbc:postgresql://localhost:5432/shop_dev", new Properties(),
                false))
                .hasMessageStartingWith("testguard refused a connection to jdbc:postgresql://localhost:5432/shop_dev:"
                        + " it is not a test database. Rule 'name'")
                .hasMessageContaining("-Dtestguard.allow=localhost:5432/shop_dev");
        List<RuntimeRecord> records = RuntimeRecords.read(dir.resolve("records"), "tok");
        assertThat(records).extracting(RuntimeRecord::database).containsExactly("postgresql://localhost:5432/shop_dev");
    }

    @Test
    void aDatabaseTheStaticRulesRefuseStaysRefusedWhenTheDriverThrowsBeforeTheLiveRules() throws SQLException {
        ConnectionJudge judge = judge(false);
        ConnectionJudge.Pending dev = judge.before("jdbc:mariadb://localhost:3306/shop_dev", new Properties(), false);
        ConnectionJudge.Pending test = judge.before("jdbc:mariadb://localhost:3306/shop_test", new Properties(),
                false);
        assertThat(dev.known()).as("a test stamp may still lift the name rule").isNull();

        assertThatThrownBy(() -> judge.failed(dev, new SQLException("Access denied for user 'app'", "28000")))
                .hasMessageStartingWith("testguard refused a connection to jdbc:mariadb://localhost:3306/shop_dev: it "
                        + "is not a test database. Rule 'name': The driver failed (java.sql.SQLException) before")
                .hasMessageNotContaining("Access denied")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        judge.failed(test, new SQLException("Access denied for user 'app'", "28000"));

        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).singleElement()
                .satisfies(r -> assertThat(r.isRefusal()).isTrue())
                .satisfies(r -> assertThat(r.database()).endsWith("://localhost:3306/shop_dev"));
    }

    @Test
    void aUrlTheDriverReadsOtherwiseOrRejectsIsRefusedAndRecordedBeforeItRuns() {
        ConnectionJudge judge = judge(false);
        String url = "jdbc:mariadb://app:s3cretPw1@localhost:3306/shop_test";
        DriverView elsewhere = new DriverView("SomeDriver", "shop_test", List.of("app:3306"), null);

        assertThatThrownBy(() -> judge.before(url, new Properties(), false, Map.of(), () -> elsewhere))
                .hasMessageStartingWith("testguard refused a connection to jdbc:mariadb://app:****@localhost:3306/"
                        + "shop_test: it is not a test database. Rule 'ambiguous': SomeDriver reads this URL otherwise")
                .hasMessageContaining("[app:3306]").hasMessageNotContaining("s3cretPw1");
        assertThatThrownBy(() -> judge.before(url, new Properties(), false, Map.of(), () -> {
            throw new DriverView.Rejected("SomeDriver", new SQLException("Incorrect port value : s3cretPw1@localhost"));
        })).hasMessageContaining("Rule 'url': SomeDriver cannot read this URL (it throws java.sql.SQLException")
                .hasMessageContaining("reads no user info").hasMessageNotContaining("s3cretPw1");
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).hasSize(2).allMatch(RuntimeRecord::isRefusal)
                .noneMatch(r -> String.valueOf(r.url()).contains("s3cretPw1"));
    }

    @Test
    void r2dbcOptionsAreJudgedByTheSameRulesThroughAPool() {
        ConnectionJudge judge = judge(true);

        String refusal = judge.judgeR2dbc(Map.of("driver", "pool", "protocol", "postgresql", "host", "localhost",
                "port", "5432", "database", "shop_dev", "user", "app"));
        String allowed = judge.judgeR2dbc(Map.of("driver", "postgresql", "host", "localhost", "database",
                "shop_test"));
        String inMemory = judge(false).judgeR2dbc(Map.of("driver", "h2", "protocol", "mem", "database", "x"));

        assertThat(refusal).startsWith("testguard refused a connection to jdbc:postgresql://localhost:5432/shop_dev:");
        assertThat(allowed).isNull();
        assertThat(inMemory).isNull();
        assertThat(judge.judgeR2dbc(Map.of("driver", "nosuchdb"))).contains("cannot tell which database");
    }

    @Test
    void anR2dbcFactoryWhoseLiveChecksCannotRunIsRefused() {
        String refusal = judge(false).judgeR2dbc(Map.of("driver", "postgresql", "host", "localhost", "port", "5432",
                "database", "shop_test", "password", "s3cret"));

        assertThat(refusal).startsWith("testguard refused an R2DBC connection factory for "
                + "jdbc:postgresql://localhost:5432/shop_test: the runtime guard could not run its live checks")
                .contains("-Dtestguard.runtime=false").doesNotContain("s3cret");
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).singleElement()
                .satisfies(r -> assertThat(r.event()).isEqualTo(RuntimeRecord.ERROR));
    }

    /** Fail closed: a test-named database whose live check throws (here: over a closed connection) is refused. */
    @Test
    void aJdbcConnectionWhoseLiveCheckCannotRunIsRefusedAndClosed() throws SQLException {
        ConnectionJudge judge = judge(false);
        String url = "jdbc:postgresql://localhost:5432/shop_test";
        ConnectionJudge.Pending pending = judge.before(url, new Properties(), false);
        Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres",
                "");
        connection.close();

        assertThatThrownBy(() -> judge.after(pending, connection)).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("testguard refused a connection to " + url + ": the runtime guard could not"
                        + " run its live checks (stamp, row count) over it (")
                .hasMessageContaining("-Dtestguard.offline=true").hasMessageContaining("-Dtestguard.runtime=false")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).singleElement()
                .satisfies(r -> assertThat(r.event()).isEqualTo(RuntimeRecord.ERROR));
    }

    /** Legit databases still pass the live check: an empty SQLite file and a fresh H2 file database, no stamp table. */
    @Test
    void freshUnstampedTestDatabasesPassTheLiveCheck() throws SQLException {
        ConnectionJudge judge = judge(false);
        for (String url : List.of("jdbc:sqlite:" + dir.resolve("app_test.db"), "jdbc:h2:" + dir.resolve("orders_test"))) {
            ConnectionJudge.Pending pending = judge.before(url, new Properties(), false);
            try (Connection connection = DriverManager.getConnection(url)) {
                assertThat(judge.after(pending, connection)).as(url).isSameAs(connection);
            }
        }
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).noneMatch(RuntimeRecord::isRefusal);
    }
}
