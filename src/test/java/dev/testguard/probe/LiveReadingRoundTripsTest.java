package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.MARIADB_ADMIN;
import static dev.testguard.probe.LocalDatabases.POSTGRES_ADMIN;
import static dev.testguard.probe.LocalDatabases.TIMEOUT;
import static dev.testguard.probe.LocalDatabases.execute;
import static dev.testguard.probe.LocalDatabases.mariadb;
import static dev.testguard.probe.LocalDatabases.postgres;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.Connections;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live checks' reads cost one round trip on PostgreSQL and MariaDB (two when a MariaDB database holds the stamp
 * table), counted on the wire between the real drivers and the real servers, and read exactly what the
 * step-by-step reads ({@link StampStore}, {@link RowEstimates}, {@link ServerIdentities}) read.
 */
class LiveReadingRoundTripsTest {

    private static final Stamp STAMP = new Stamp(Stamp.Role.TEST, Instant.parse("2025-03-01T10:15:30Z"), "alice@laptop", "g:a");

    private static RoundTripRelay toPostgres;
    private static RoundTripRelay toMariadb;
    /** What each test created, dropped after it in reverse order. */
    private final List<Cleanup> cleanups = new ArrayList<>();

    private interface Cleanup {
        void run() throws SQLException;
    }

    @BeforeAll
    static void startRelays() throws Exception {
        toPostgres = new RoundTripRelay(5432);
        toMariadb = new RoundTripRelay(3306);
    }

    @AfterAll
    static void stopRelays() throws Exception {
        toPostgres.close();
        toMariadb.close();
    }

    @AfterEach
    void dropAll() throws Exception {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            cleanups.get(i).run();
        }
    }

    private interface DatabaseAction {
        void run(String database) throws SQLException;
    }

    /** A new database, filled by {@code setup}, dropped after the test. */
    private String newDatabase(DatabaseAction create, DatabaseAction drop, Function<String, JdbcUrl> url,
            Credentials admin, String... setup) throws SQLException {
        String name = LocalDatabases.uniqueName("onetrip");
        create.run(name);
        cleanups.add(() -> drop.run(name));
        execute(url.apply(name), admin, setup);
        return name;
    }

    private String newPostgres(String... setup) throws SQLException {
        return newDatabase(LocalDatabases::createPostgres, LocalDatabases::dropPostgres, LocalDatabases::postgres,
                POSTGRES_ADMIN, setup);
    }

    private String newMariadb(String... setup) throws SQLException {
        return newDatabase(LocalDatabases::createMariadb, LocalDatabases::dropMariadb, LocalDatabases::mariadb,
                MARIADB_ADMIN, setup);
    }

    /** Reads over {@code connection}, counting the round trips; the facts must be the step-by-step reads'. */
    private static int roundTripsOfReading(RoundTripRelay relay, JdbcUrl url, Connection connection) throws SQLException {
        relay.reset();
        LiveFacts together = new LiveReading().read(url, connection).facts(LiveFacts.Status.REACHABLE, null, 0);
        int roundTrips = relay.roundTrips();
        assertThat(together).isEqualTo(stepByStep(url, connection));
        return roundTrips;
    }

    private static LiveFacts stepByStep(JdbcUrl url, Connection connection) throws SQLException {
        Stamp stamp = StampStores.forVendor(url.vendor()).orElseThrow().read(connection).orElse(null);
        return new LiveFacts(LiveFacts.Status.REACHABLE, stamp, RowEstimates.estimate(url.vendor(), connection),
                ServerIdentities.read(url, connection), null, 0);
    }

    @Test
    void postgresReadsStampRowsAndIdentityInOneRoundTrip() throws Exception {
        JdbcUrl viaRelay = postgres("localhost", toPostgres.port(), newPostgres("CREATE TABLE orders(id int)",
                "INSERT INTO orders SELECT generate_series(1, 300)", "ANALYZE orders"));
        try (Connection c = Connections.open(viaRelay, POSTGRES_ADMIN, TIMEOUT)) {
            assertThat(roundTripsOfReading(toPostgres, viaRelay, c)).isEqualTo(1);
            new PostgresStampStore().write(c, STAMP);
            assertThat(roundTripsOfReading(toPostgres, viaRelay, c)).isEqualTo(1);
            assertThat(new LiveReading().read(viaRelay, c).facts(LiveFacts.Status.REACHABLE, null, 0).stamp()).isEqualTo(STAMP);
        }
    }

    @Test
    void mariadbReadsInOneRoundTripAndTwoWhenTheStampTableExistsWithEitherDriver() throws Exception {
        JdbcUrl viaRelay = mariadb("localhost", toMariadb.port(), newMariadb("CREATE TABLE items(id INT)",
                "INSERT INTO items SELECT seq FROM seq_1_to_300", "ANALYZE TABLE items"));
        try (Connection connectorJ = Connections.open(viaRelay, MARIADB_ADMIN, TIMEOUT);
             Connection mariadbClient = DriverManager.getConnection(viaRelay.raw(), "root", "")) {
            assertThat(mariadbClient.getClass().getName()).startsWith("org.mariadb.jdbc.");
            assertThat(roundTripsOfReading(toMariadb, viaRelay, connectorJ)).isEqualTo(1);
            assertThat(roundTripsOfReading(toMariadb, viaRelay, mariadbClient)).isEqualTo(1);
            new MysqlStampStore().write(connectorJ, STAMP);
            assertThat(roundTripsOfReading(toMariadb, viaRelay, connectorJ)).isEqualTo(2);
            assertThat(roundTripsOfReading(toMariadb, viaRelay, mariadbClient)).isEqualTo(2);
        }
    }

    @Test
    void mariadbWithoutADefaultDatabaseHasNoRowsAndNoStampAsBefore() throws Exception {
        JdbcUrl viaRelay = mariadb("localhost", toMariadb.port(), "");
        try (Connection c = Connections.open(viaRelay, MARIADB_ADMIN, TIMEOUT)) {
            assertThat(roundTripsOfReading(toMariadb, viaRelay, c)).isEqualTo(1);
            assertThat(stepByStep(viaRelay, c).estimatedRows()).isNull();
        }
    }

    @Test
    void theStaticProbeAddsOneRoundTripToItsOwnConnection() throws Exception {
        String pg = newPostgres();
        String maria = newMariadb();
        assertThat(probeRoundTrips(toPostgres, postgres("localhost", toPostgres.port(), pg), POSTGRES_ADMIN)).isEqualTo(1);
        assertThat(probeRoundTrips(toMariadb, mariadb("localhost", toMariadb.port(), maria), MARIADB_ADMIN)).isEqualTo(1);
    }

    /** The probe's round trips minus those of opening, making read-only and closing the same connection. */
    private static int probeRoundTrips(RoundTripRelay relay, JdbcUrl url, Credentials login) throws Exception {
        relay.reset();
        try (Connection c = Connections.open(SafeUrls.forReading(url, Optional.empty()), login, TIMEOUT)) {
            c.setReadOnly(true);
        }
        relay.awaitAllClosed();
        int bare = relay.roundTrips();
        relay.reset();
        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            assertThat(probe.inspect(url, login).status()).isEqualTo(LiveFacts.Status.REACHABLE);
        }
        relay.awaitAllClosed();
        return relay.roundTrips() - bare;
    }

    @Test
    void oddStampsReadTheSameAsStepByStep() throws Exception {
        String pg = newPostgres();
        execute(postgres(pg), POSTGRES_ADMIN, "COMMENT ON DATABASE \"" + pg + "\" IS 'mine testguard:{\"role\":\"nonsense\"}"
                + " testguard:{broken " + PostgresStampStore.commentWith(null, STAMP).replace("'", "''") + "'");
        JdbcUrl pgUrl = postgres("localhost", toPostgres.port(), pg);
        try (Connection c = Connections.open(pgUrl, POSTGRES_ADMIN, TIMEOUT)) {
            assertThat(roundTripsOfReading(toPostgres, pgUrl, c)).isEqualTo(1);
            assertThat(stepByStep(pgUrl, c).stamp()).isEqualTo(STAMP);
        }
        String maria = newMariadb();
        JdbcUrl mariaUrl = mariadb("localhost", toMariadb.port(), maria);
        try (Connection c = Connections.open(mariaUrl, MARIADB_ADMIN, TIMEOUT); Statement st = c.createStatement()) {
            new MysqlStampStore().write(c, STAMP);
            st.execute("UPDATE testguard_stamp SET role = 'nonsense'");
            assertThat(roundTripsOfReading(toMariadb, mariaUrl, c)).isEqualTo(2);
            assertThat(stepByStep(mariaUrl, c).stamp()).isNull();
        }
    }

    @Test
    void aRevokedControlFunctionFallsBackToTheStepByStepReads() throws Exception {
        String db = newPostgres();
        String role = "tg_onetrip_user_" + db.substring(db.length() - 6);
        execute(postgres("postgres"), POSTGRES_ADMIN, "CREATE ROLE \"" + role + "\" LOGIN");
        cleanups.add(() -> execute(postgres("postgres"), POSTGRES_ADMIN, "DROP OWNED BY \"" + role + "\"", "DROP ROLE \"" + role + "\""));
        // function privileges live in each database's own catalog: this changes the test database alone
        execute(postgres(db), POSTGRES_ADMIN, "REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC");
        JdbcUrl viaRelay = postgres("localhost", toPostgres.port(), db);
        try (Connection c = Connections.open(viaRelay, new Credentials(role, null), TIMEOUT)) {
            assertThat(roundTripsOfReading(toPostgres, viaRelay, c)).isGreaterThan(1);
            assertThat(stepByStep(viaRelay, c).identity().serverId()).doesNotContain(systemIdentifier());
        }
    }

    private static String systemIdentifier() throws SQLException {
        return LocalDatabases.column(postgres("postgres"), POSTGRES_ADMIN, ServerIdentities.POSTGRES_SYSTEM_ID).get(0);
    }

    @Test
    void insideATransactionPostgresReadsStepByStepAndLeavesTheTransactionUsable() throws Exception {
        String db = newPostgres();
        JdbcUrl viaRelay = postgres("localhost", toPostgres.port(), db);
        try (Connection c = Connections.open(viaRelay, POSTGRES_ADMIN, TIMEOUT)) {
            c.setAutoCommit(false);
            assertThat(roundTripsOfReading(toPostgres, viaRelay, c)).isGreaterThan(1);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
            c.rollback();
        }
    }
}
