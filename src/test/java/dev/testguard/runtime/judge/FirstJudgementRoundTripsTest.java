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

    /** A local server: where it listens, how the test logs in as its administrator, how it quotes a name. */
    private record Server(String prefix, int port, String adminDatabase, String admin, String quote, String dropOptions) {

        static final Server POSTGRES = new Server("jdbc:postgresql://localhost:", 5432, "/postgres", "postgres", "\"",
                " WITH (FORCE)");
        static final Server MARIADB = new Server("jdbc:mariadb://localhost:", 3306, "/", "root", "`", "");

        void admin(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(prefix + port + adminDatabase, admin, "");
                 Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }

    @Test
    void postgresIsJudgedInOneRoundTrip() throws Exception {
        assertThat(roundTripsOfFirstJudgement(Server.POSTGRES)).isEqualTo(1);
    }

    @Test
    void mariadbIsJudgedInOneRoundTrip() throws Exception {
        assertThat(roundTripsOfFirstJudgement(Server.MARIADB)).isEqualTo(1);
    }

    /** Of a new database on {@code server}, reached through a relay that counts. */
    private int roundTripsOfFirstJudgement(Server server) throws Exception {
        String db = uniqueName();
        server.admin("CREATE DATABASE " + server.quote() + db + server.quote());
        try (RoundTripRelay relay = new RoundTripRelay(server.port())) {
            return roundTripsOfFirstJudgement(relay, server.prefix() + relay.port() + "/" + db, server.admin());
        } finally {
            server.admin("DROP DATABASE IF EXISTS " + server.quote() + db + server.quote() + server.dropOptions());
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
}
