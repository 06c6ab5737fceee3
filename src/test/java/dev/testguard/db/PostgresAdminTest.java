package dev.testguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
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
        DatabaseTarget t = localServer();
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
    void aSwapCutShortByAnUncheckedFailureRollsBackAndTheDatabaseKeepsItsName() throws Exception {
        DatabaseTarget t = localServer();
        PostgresAdmin admin = (PostgresAdmin) DatabaseAdmins.forTarget(t);
        String run = "tg_swap_test_" + Long.toHexString(System.nanoTime());
        List<String> names = List.of(run, run + "_fresh", run + "_safety");
        try (Connection m = Connections.open(t, Duration.ofSeconds(10))) {
            admin.create(names.get(0));
            admin.create(names.get(1));
            Connection failing = failingOn(m, "RENAME TO \"" + run + "\"");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostgresAdmin.swapIn(failing, run, names.get(1), names.get(2)))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(m.getAutoCommit()).isTrue();
            assertThat(admin.exists(run)).as("the first rename rolled back, not committed by restoring auto-commit").isTrue();
            assertThat(admin.exists(names.get(1))).isTrue();
            assertThat(admin.exists(names.get(2))).isFalse();
        } finally {
            for (String name : names) {
                admin.drop(name);
            }
        }
    }

    private static DatabaseTarget localServer() {
        return new DatabaseTarget(new JdbcUrl("jdbc:postgresql://localhost:5432/postgres", Vendor.POSTGRESQL,
                Storage.SERVER, List.of(new HostPort("localhost", 5432)), false, "postgres", null, Map.of(), null, null),
                new Credentials("postgres", null));
    }

    /** {@code real}, whose statements throw an unchecked exception (a driver's bug, say) for SQL that holds {@code part}. */
    private static Connection failingOn(Connection real, String part) {
        return (Connection) Proxy.newProxyInstance(PostgresAdminTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (!method.getName().equals("createStatement")) {
                        return result;
                    }
                    Statement st = (Statement) result;
                    return Proxy.newProxyInstance(PostgresAdminTest.class.getClassLoader(), new Class<?>[] {Statement.class},
                            (p, sm, sargs) -> {
                                if (sm.getName().equals("execute") && String.valueOf(sargs[0]).contains(part)) {
                                    throw new IllegalStateException("injected: " + sargs[0]);
                                }
                                return invoke(sm, st, sargs);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void connectionsNameTestguardAndKeepTheServersFloatFormat() throws Exception {
        try (java.sql.Connection c = Connections.open(localServer(), java.time.Duration.ofSeconds(10));
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('application_name'), 0.1::float8")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("testguard");
            assertThat(rs.getDouble(2)).isEqualTo(0.1);
        }
    }
}
