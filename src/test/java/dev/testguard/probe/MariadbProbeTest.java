package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.MARIADB_ADMIN;
import static dev.testguard.probe.LocalDatabases.TIMEOUT;
import static dev.testguard.probe.LocalDatabases.column;
import static dev.testguard.probe.LocalDatabases.execute;
import static dev.testguard.probe.LocalDatabases.mariadb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MariadbProbeTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private final Stamper stamper = new Stamper(Clock.fixed(NOW, ZoneOffset.UTC), "bob@ci", Path.of("."));
    private final List<String> databases = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private String db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = newDatabase("probe");
    }

    @AfterEach
    void dropAll() throws Exception {
        for (String name : databases) {
            LocalDatabases.dropMariadb(name);
        }
        for (String user : users) {
            execute(mariadb(""), MARIADB_ADMIN, "DROP USER IF EXISTS '" + user + "'@'localhost'",
                    "DROP USER IF EXISTS '" + user + "'@'127.0.0.1'");
        }
    }

    private String newDatabase(String purpose) throws Exception {
        String name = LocalDatabases.uniqueName(purpose);
        LocalDatabases.createMariadb(name);
        databases.add(name);
        return name;
    }

    private LiveFacts probe(JdbcUrl url) {
        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            return probe.inspect(url, MARIADB_ADMIN);
        }
    }

    private List<String> tables(String database) throws Exception {
        return column(mariadb(database), MARIADB_ADMIN,
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1");
    }

    @Test
    void stampIsReadBackByTheProbe() throws Exception {
        Stamp written = stamper.stamp(new DatabaseTarget(mariadb(db), MARIADB_ADMIN), Stamp.Role.PROTECTED, "com.acme:shop",
                null, 10_000, TIMEOUT);

        LiveFacts facts = probe(mariadb(db));

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isEqualTo(written).isEqualTo(new Stamp(Stamp.Role.PROTECTED, NOW, "bob@ci", "com.acme:shop"));
        assertThat(facts.estimatedRows()).isZero();
        assertThat(facts.identity().database()).isEqualTo(db);
        assertThat(tables(db)).containsExactly("testguard_stamp");
    }

    @Test
    void restampingKeepsOneRow() throws Exception {
        DatabaseTarget target = new DatabaseTarget(mariadb(db), MARIADB_ADMIN);
        stamper.stamp(target, Stamp.Role.TEST, null, null, 10_000, TIMEOUT);
        stamper.stamp(target, Stamp.Role.PROTECTED, null, null, 10_000, TIMEOUT);

        assertThat(column(mariadb(db), MARIADB_ADMIN, "SELECT role FROM testguard_stamp")).containsExactly("protected");
        assertThat(probe(mariadb(db)).stamp().role()).isEqualTo(Stamp.Role.PROTECTED);
    }

    @Test
    void bigDatabaseNeedsConfirmationToBeStampedTest() throws Exception {
        List<String> statements = new ArrayList<>(List.of("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO orders (note) VALUES ('first')"));
        for (int i = 0; i < 18; i++) {
            statements.add("INSERT INTO orders (note) SELECT note FROM orders"); // doubling: 2^18 = 262144 rows
        }
        statements.add("ANALYZE TABLE orders");
        execute(mariadb(db), MARIADB_ADMIN, statements.toArray(String[]::new));
        DatabaseTarget target = new DatabaseTarget(mariadb(db), MARIADB_ADMIN);

        // InnoDB's TABLE_ROWS is a sampled estimate
        assertThat(probe(mariadb(db)).estimatedRows()).isBetween(150_000L, 400_000L);
        assertThatThrownBy(() -> stamper.stamp(target, Stamp.Role.TEST, null, null, 10_000, TIMEOUT))
                .isInstanceOf(StampException.class)
                .hasMessageContaining("rows (more than maxRows=10000)")
                .hasMessageContaining("-Dtestguard.confirm=" + db);
        assertThat(tables(db)).containsExactly("orders");

        assertThat(stamper.stamp(target, Stamp.Role.TEST, null, db, 10_000, TIMEOUT).role()).isEqualTo(Stamp.Role.TEST);
        assertThat(probe(mariadb(db)).stamp().role()).isEqualTo(Stamp.Role.TEST);
    }

    @Test
    void identityIsTheSameViaLocalhostAndLoopbackAndDiffersPerDatabase() throws Exception {
        String other = newDatabase("other");
        ServerIdentity viaLocalhost = probe(mariadb("localhost", 3306, db)).identity();
        ServerIdentity viaLoopback = probe(mariadb("127.0.0.1", 3306, db)).identity();
        ServerIdentity otherDatabase = probe(mariadb("127.0.0.1", 3306, other)).identity();

        assertThat(viaLocalhost.serverId()).startsWith("mariadb:").doesNotContain("localhost").doesNotContain("127.0.0.1");
        assertThat(viaLoopback).isEqualTo(viaLocalhost);
        assertThat(otherDatabase.serverId()).isEqualTo(viaLocalhost.serverId());
        assertThat(otherDatabase.sameDatabaseAs(viaLocalhost)).isFalse();
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureWithoutThePassword() throws Exception {
        String user = "tg_auth_" + db.substring(db.length() - 8);
        users.add(user);
        for (String host : List.of("localhost", "127.0.0.1")) {
            execute(mariadb(""), MARIADB_ADMIN, "CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY 'Right-Pass-7431'",
                    "GRANT SELECT ON `" + db + "`.* TO '" + user + "'@'" + host + "'");
        }

        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            LiveFacts wrong = probe.inspect(mariadb(db), new Credentials(user, "Wrong-Pass-9182"));
            LiveFacts right = probe.inspect(mariadb(db), new Credentials(user, "Right-Pass-7431"));

            assertThat(wrong.status()).isEqualTo(LiveFacts.Status.AUTH_FAILED);
            assertThat(wrong.message()).contains("refused the login of user '" + user + "'").doesNotContain("Wrong-Pass-9182");
            assertThat(right.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        }
    }

    @Test
    void probingChangesNothing() throws Exception {
        execute(mariadb(db), MARIADB_ADMIN, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1), (2)");

        LiveFacts facts = probe(mariadb(db));

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isNull();
        assertThat(tables(db)).containsExactly("t");
    }

    @Test
    void probeNeverCreatesADatabaseEvenWhenTheUrlAsks() throws Exception {
        String missing = LocalDatabases.uniqueName("missing");
        databases.add(missing);
        String raw = "jdbc:mariadb://localhost:3306/" + missing + "?createDatabaseIfNotExist=true";
        JdbcUrl url = new JdbcUrl(raw, mariadb(missing).vendor(), mariadb(missing).storage(), mariadb(missing).hosts(), false,
                missing, null, java.util.Map.of("createDatabaseIfNotExist", "true"), null, null);

        LiveFacts facts = probe(url);

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.ERROR);
        assertThat(facts.message()).contains("Unknown database");
        assertThat(column(mariadb(""), MARIADB_ADMIN, "SHOW DATABASES LIKE '" + missing + "'")).isEmpty();
    }
}
