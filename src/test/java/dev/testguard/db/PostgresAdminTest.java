package dev.testguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresAdminTest {

    @Test
    void siblingKeepsHostParametersAndCredentials() {
        JdbcUrl url = new JdbcUrl("jdbc:postgresql://db1:5433/orders?sslmode=require&password=pw", Vendor.POSTGRESQL,
                Storage.SERVER, List.of(new HostPort("db1", 5433)), false, "orders", null,
                Map.of("sslmode", "require", "password", "pw"), null, "pw");
        DatabaseTarget sibling = new PostgresAdmin(new DatabaseTarget(url, new Credentials("ann", null))).sibling("tg_verify_1");
        assertThat(sibling.url().raw()).isEqualTo("jdbc:postgresql://db1:5433/tg_verify_1?sslmode=require&password=pw");
        assertThat(sibling.databaseName()).isEqualTo("tg_verify_1");
        assertThat(sibling.effectiveCredentials()).isEqualTo(new Credentials("ann", "pw"));
        assertThat(sibling.toString()).doesNotContain("pw&").contains("****");
    }

    @Test
    void serverFactsFromTheLocalServer() throws Exception {
        DatabaseTarget t = new DatabaseTarget(new JdbcUrl("jdbc:postgresql://localhost:5432/postgres", Vendor.POSTGRESQL,
                Storage.SERVER, List.of(new HostPort("localhost", 5432)), false, "postgres", null, Map.of(), null, null),
                new Credentials("postgres", null));
        PostgresAdmin admin = (PostgresAdmin) DatabaseAdmins.forTarget(t);
        assertThat(admin.serverVersion()).startsWith("15.");
        assertThat(admin.serverVersionNum()).isBetween(150000, 159999);
        String name = "tg_admin_test_" + Long.toHexString(System.nanoTime());
        try {
            admin.create(name);
            assertThat(admin.exists(name)).isTrue();
            assertThat(admin.exactRowCounts(name)).isEmpty();
        } finally {
            admin.drop(name);
        }
        assertThat(admin.exists(name)).isFalse();
    }

    @Test
    void connectionsNameTestguardAndKeepTheServersFloatFormat() throws Exception {
        DatabaseTarget t = new DatabaseTarget(new JdbcUrl("jdbc:postgresql://localhost:5432/postgres", Vendor.POSTGRESQL,
                Storage.SERVER, List.of(new HostPort("localhost", 5432)), false, "postgres", null, Map.of(), null, null),
                new Credentials("postgres", null));
        try (java.sql.Connection c = Connections.open(t, java.time.Duration.ofSeconds(10));
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('application_name'), 0.1::float8")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("testguard");
            assertThat(rs.getDouble(2)).isEqualTo(0.1);
        }
    }
}
