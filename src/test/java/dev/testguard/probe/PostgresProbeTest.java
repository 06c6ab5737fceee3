package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.POSTGRES_ADMIN;
import static dev.testguard.probe.LocalDatabases.TIMEOUT;
import static dev.testguard.probe.LocalDatabases.column;
import static dev.testguard.probe.LocalDatabases.execute;
import static dev.testguard.probe.LocalDatabases.postgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresProbeTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");
    private final Stamper stamper = new Stamper(Clock.fixed(NOW, ZoneOffset.UTC), "alice@laptop", Path.of("."));
    private final List<String> databases = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private String db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = newDatabase("probe");
    }

    @AfterEach
    void dropAll() throws Exception {
        for (String name : databases) {
            LocalDatabases.dropPostgres(name);
        }
        for (String role : roles) {
            execute(postgres("postgres"), POSTGRES_ADMIN, "DROP ROLE IF EXISTS \"" + role + "\"");
        }
    }

    private String newDatabase(String purpose) throws Exception {
        String name = LocalDatabases.uniqueName(purpose);
        LocalDatabases.createPostgres(name);
        databases.add(name);
        return name;
    }

    private LiveFacts probe(JdbcUrl url) {
        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            return probe.inspect(url, POSTGRES_ADMIN);
        }
    }

    private String comment(String database) throws Exception {
        return column(postgres(database), POSTGRES_ADMIN,
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()").get(0);
    }

    @Test
    void stampIsReadBackByTheProbe() throws Exception {
        Stamp written = stamper.stamp(new DatabaseTarget(postgres(db), POSTGRES_ADMIN), Stamp.Role.PROTECTED, "com.acme:orders",
                null, 10_000, TIMEOUT);

        LiveFacts facts = probe(postgres(db));

        assertThat(written).isEqualTo(new Stamp(Stamp.Role.PROTECTED, NOW, "alice@laptop", "com.acme:orders"));
        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isEqualTo(written);
        assertThat(facts.estimatedRows()).isZero();
        assertThat(facts.identity().database()).isEqualTo(db);
        assertThat(facts.message()).isNull();
        assertThat(comment(db)).startsWith("testguard:{").contains("\"role\":\"protected\"");
    }

    @Test
    void unstampedDatabaseHasNoStamp() {
        LiveFacts facts = probe(postgres(db));

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isNull();
    }

    @Test
    void stampSurvivesDropSchemaPublicCascade() throws Exception {
        execute(postgres(db), POSTGRES_ADMIN, "CREATE TABLE orders (id int)", "INSERT INTO orders VALUES (1)");
        stamper.stamp(new DatabaseTarget(postgres(db), POSTGRES_ADMIN), Stamp.Role.TEST, null, null, 10_000, TIMEOUT);

        execute(postgres(db), POSTGRES_ADMIN, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");

        assertThat(probe(postgres(db)).stamp().role()).isEqualTo(Stamp.Role.TEST);
    }

    @Test
    void usersOwnCommentIsKeptAndRestampingLeavesOneBlock() throws Exception {
        execute(postgres(db), POSTGRES_ADMIN, "COMMENT ON DATABASE \"" + db + "\" IS 'Copy of orders; ask team-x (it''s theirs)'");
        DatabaseTarget target = new DatabaseTarget(postgres(db), POSTGRES_ADMIN);

        stamper.stamp(target, Stamp.Role.TEST, "g:a", null, 10_000, TIMEOUT);
        stamper.stamp(target, Stamp.Role.PROTECTED, "g:a", null, 10_000, TIMEOUT);

        String comment = comment(db);
        assertThat(comment).startsWith("Copy of orders; ask team-x (it's theirs)\ntestguard:{");
        assertThat(comment.split("testguard:", -1)).hasSize(2);
        assertThat(probe(postgres(db)).stamp().role()).isEqualTo(Stamp.Role.PROTECTED);
    }

    @Test
    void bigDatabaseNeedsConfirmationToBeStampedTest() throws Exception {
        execute(postgres(db), POSTGRES_ADMIN, "CREATE TABLE orders (id bigint, note text)",
                "INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 300000) g", "ANALYZE orders");
        DatabaseTarget target = new DatabaseTarget(postgres(db), POSTGRES_ADMIN);

        assertThat(probe(postgres(db)).estimatedRows()).isBetween(290_000L, 310_000L);
        assertThatThrownBy(() -> stamper.stamp(target, Stamp.Role.TEST, null, null, 10_000, TIMEOUT))
                .isInstanceOf(StampException.class)
                .hasMessageContaining("300,000 rows")
                .hasMessageContaining("maxRows=10000")
                .hasMessageContaining("-Dtestguard.confirm=" + db);
        assertThat(probe(postgres(db)).stamp()).isNull();
        assertThatThrownBy(() -> stamper.stamp(target, Stamp.Role.TEST, null, "wrong_name", 10_000, TIMEOUT))
                .isInstanceOf(StampException.class);

        Stamp stamp = stamper.stamp(target, Stamp.Role.TEST, null, db, 10_000, TIMEOUT);

        assertThat(stamp.role()).isEqualTo(Stamp.Role.TEST);
        assertThat(probe(postgres(db)).stamp().role()).isEqualTo(Stamp.Role.TEST);
        assertThat(stamper.stamp(target, Stamp.Role.PROTECTED, null, null, 10_000, TIMEOUT).role()).isEqualTo(Stamp.Role.PROTECTED);
    }

    @Test
    void neverAnalyzedTableIsStillCounted() throws Exception {
        execute(postgres(db), POSTGRES_ADMIN, "CREATE TABLE restored (id bigint)",
                "INSERT INTO restored SELECT g FROM generate_series(1, 50000) g");
        assertThat(column(postgres(db), POSTGRES_ADMIN, "SELECT reltuples FROM pg_class WHERE relname = 'restored'"))
                .containsExactly("-1");

        long estimate = probe(postgres(db)).estimatedRows();
        // at once: at least one row per page; once the statistics are flushed (within about a second): the live count.
        // The flush is the server's, at the inserting backend's exit: a loaded machine can take seconds; the loop
        // ends as soon as the count is there, and the deadline is only a backstop against waiting forever.
        assertThat(estimate).isGreaterThanOrEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (estimate < 50_000 && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
            estimate = probe(postgres(db)).estimatedRows();
        }
        assertThat(estimate).isEqualTo(50_000);
    }

    @Test
    void protectedStampNeedsConfirmationToBecomeTest() throws Exception {
        DatabaseTarget target = new DatabaseTarget(postgres(db), POSTGRES_ADMIN);
        stamper.stamp(target, Stamp.Role.PROTECTED, null, null, 10_000, TIMEOUT);

        assertThatThrownBy(() -> stamper.stamp(target, Stamp.Role.TEST, null, null, 10_000, TIMEOUT))
                .hasMessageContaining("stamped protected (by alice@laptop")
                .hasMessageContaining("-Dtestguard.confirm=" + db);
        assertThat(stamper.stamp(target, Stamp.Role.TEST, null, db, 10_000, TIMEOUT).role()).isEqualTo(Stamp.Role.TEST);
    }

    @Test
    void identityIsTheSameWhateverTheHostNameAndDiffersPerDatabase() throws Exception {
        String other = newDatabase("other");
        ServerIdentity viaLocalhost = probe(postgres("localhost", 5432, db)).identity();
        ServerIdentity viaLoopback = probe(postgres("127.0.0.1", 5432, db)).identity();
        ServerIdentity otherDatabase = probe(postgres("127.0.0.1", 5432, other)).identity();

        assertThat(viaLocalhost).isNotNull();
        assertThat(viaLocalhost.serverId()).startsWith("postgresql:").doesNotContain("localhost").doesNotContain("127.0.0.1");
        assertThat(viaLoopback).isEqualTo(viaLocalhost);
        assertThat(viaLoopback.sameDatabaseAs(viaLocalhost)).isTrue();
        assertThat(otherDatabase.serverId()).isEqualTo(viaLocalhost.serverId());
        assertThat(otherDatabase.sameDatabaseAs(viaLocalhost)).isFalse();

        String hostname = InetAddress.getLocalHost().getHostName();
        assumeTrue(listens(hostname, 5432), "PostgreSQL does not listen on " + hostname + " (listen_addresses)");
        assertThat(probe(postgres(hostname, 5432, db)).identity()).isEqualTo(viaLocalhost);
    }

    @Test
    void nonSuperuserGetsTheSameIdentity() throws Exception {
        String role = "tg_probe_user_" + db.substring(db.length() - 6);
        roles.add(role);
        execute(postgres("postgres"), POSTGRES_ADMIN, "CREATE ROLE \"" + role + "\" LOGIN");

        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            LiveFacts asUser = probe.inspect(postgres(db), new Credentials(role, null));
            assertThat(asUser.status()).isEqualTo(LiveFacts.Status.REACHABLE);
            assertThat(asUser.identity()).isEqualTo(probe(postgres(db)).identity());
        }
    }

    @Test
    void unknownRoleIsAnAuthenticationFailure() {
        // pg_hba.conf on this machine trusts every local connection, so a wrong password cannot fail here
        // (it is tested on MariaDB); an unknown role is refused at login (SQLState 28000) all the same.
        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            LiveFacts facts = probe.inspect(postgres(db), new Credentials("tg_nobody_" + db.hashCode(), "Sekr1t-value"));

            assertThat(facts.status()).isEqualTo(LiveFacts.Status.AUTH_FAILED);
            assertThat(facts.message()).contains("refused the login").doesNotContain("Sekr1t-value");
        }
    }

    @Test
    void missingDatabaseIsAnErrorInWords() {
        LiveFacts facts = probe(postgres(db + "_missing"));

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.ERROR);
        assertThat(facts.message()).contains("does not exist");
    }

    @Test
    void probingChangesNothing() throws Exception {
        execute(postgres(db), POSTGRES_ADMIN, "COMMENT ON DATABASE \"" + db + "\" IS 'hands off'");
        String tablesQuery = "SELECT string_agg(n.nspname || '.' || c.relname, ',' ORDER BY 1) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')";
        List<String> tablesBefore = column(postgres(db), POSTGRES_ADMIN, tablesQuery);

        LiveFacts facts = probe(postgres(db));

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(comment(db)).isEqualTo("hands off");
        assertThat(column(postgres(db), POSTGRES_ADMIN, tablesQuery)).isEqualTo(tablesBefore);
    }

    @Test
    void readsWithAReadOnlyConnection() throws Exception {
        // a session that cannot write can still be probed: the probe needs read rights only
        String role = "tg_reader_" + db.substring(db.length() - 6);
        roles.add(role);
        execute(postgres("postgres"), POSTGRES_ADMIN, "CREATE ROLE \"" + role + "\" LOGIN",
                "ALTER ROLE \"" + role + "\" SET default_transaction_read_only = on");
        stamper.stamp(new DatabaseTarget(postgres(db), POSTGRES_ADMIN), Stamp.Role.TEST, null, null, 10_000, TIMEOUT);

        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            assertThat(probe.inspect(postgres(db), new Credentials(role, null)).stamp().role()).isEqualTo(Stamp.Role.TEST);
        }
    }

    static boolean listens(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
