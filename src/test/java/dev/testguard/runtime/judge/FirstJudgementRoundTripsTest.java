package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.RoundTripRelay;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime guard's first judgement of a database reads its stamp, row estimate and server identity over the
 * connection the test opened in one round trip (PostgreSQL with PgJDBC, MariaDB with MariaDB Connector/J), counted
 * on the wire between the real driver and the real server.
 */
class FirstJudgementRoundTripsTest {

    @TempDir
    Path dir;

    private ConnectionJudge judge() {
        return new ConnectionJudge(PolicySettings.defaults(dir, dir.resolve("target"), false), false,
                new ConnectionLog(dir.resolve("records"), "tok", 7), new TestClasses(Path.of("target/test-classes")));
    }

    private static String uniqueName() {
        return "tg_firstjudgement" + Long.toHexString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE) + "_test";
    }

    @Test
    void postgresIsJudgedInOneRoundTrip() throws Exception {
        String db = uniqueName();
        admin("jdbc:postgresql://localhost:5432/postgres", "postgres", "", "CREATE DATABASE \"" + db + "\"");
        try (RoundTripRelay relay = new RoundTripRelay(5432)) {
            assertThat(roundTripsOfFirstJudgement(relay, "jdbc:postgresql://localhost:" + relay.port() + "/" + db, "postgres"))
                    .isEqualTo(1);
        } finally {
            admin("jdbc:postgresql://localhost:5432/postgres", "postgres", "", "DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
        }
    }

    @Test
    void mariadbIsJudgedInOneRoundTrip() throws Exception {
        String db = uniqueName();
        admin("jdbc:mariadb://localhost:3306/", "root", "", "CREATE DATABASE `" + db + "`");
        try (RoundTripRelay relay = new RoundTripRelay(3306)) {
            assertThat(roundTripsOfFirstJudgement(relay, "jdbc:mariadb://localhost:" + relay.port() + "/" + db, "root"))
                    .isEqualTo(1);
        } finally {
            admin("jdbc:mariadb://localhost:3306/", "root", "", "DROP DATABASE IF EXISTS `" + db + "`");
        }
    }

    /** What the woven {@code Driver.connect} does around the driver: before, connect, after. */
    private int roundTripsOfFirstJudgement(RoundTripRelay relay, String url, String user) throws SQLException {
        ConnectionJudge judge = judge();
        Properties info = new Properties();
        info.setProperty("user", user);
        info.setProperty("password", "");
        ConnectionJudge.Pending pending = judge.before(url, info, false);
        try (Connection connection = DriverManager.getConnection(url, info)) {
            relay.reset();
            judge.after(pending, connection);
            return relay.roundTrips();
        }
    }

    private static void admin(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
