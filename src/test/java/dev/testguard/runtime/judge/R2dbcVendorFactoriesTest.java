package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.policy.PolicySettings;
import io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.mssql.MssqlConnectionConfiguration;
import io.r2dbc.mssql.MssqlConnectionFactory;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Factories of r2dbc-h2, r2dbc-mssql and io.asyncer's r2dbc-mysql built directly, judged by the target their real
 * configuration names: against the local MariaDB for r2dbc-mysql; MSSQL has no server here.
 */
class R2dbcVendorFactoriesTest {

    private static final ConnectionJudge.JdbcProbe NO_JDBC = (url, info) -> null;

    @TempDir
    Path dir;

    private R2dbcFactories factories(boolean offline) {
        PolicySettings policy = PolicySettings.defaults(dir, dir.resolve("target"), false);
        ConnectionLog log = new ConnectionLog(dir.resolve("records"), "tok", 7);
        ConnectionJudge judge = new ConnectionJudge(policy, offline, log, new TestClasses(dir.resolve("tc")));
        return new R2dbcFactories(() -> judge, log);
    }

    private static long deadline() {
        return System.nanoTime() + 5_000_000_000L;
    }

    @Test
    void anH2InMemoryFactoryIsReadAndAllowed() throws Exception {
        H2ConnectionFactory factory = new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                .inMemory("orders;DB_CLOSE_DELAY=-1").username("sa").password("pw1").build());

        assertThat(R2dbcTargets.options(factory, deadline())).containsExactlyInAnyOrderEntriesOf(Map.of("driver",
                "h2", "protocol", "mem", "database", "orders;DB_CLOSE_DELAY=-1", "user", "sa", "password", "pw1"));
        assertThat(factories(false).refusal(factory, loader -> NO_JDBC)).isNull();
        assertThat(factories(false).refusal(H2ConnectionFactory.inMemory("shop_prod"), loader -> NO_JDBC)).isNull();
    }

    @Test
    void anH2FileOrServerFactoryIsJudgedByItsDatabaseName() throws Exception {
        H2ConnectionFactory file = new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                .file("/srv/data/shop_prod").build());
        H2ConnectionFactory server = new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                .tcp("db.example", 9092, "~/orders").build());

        assertThat(R2dbcTargets.options(server, deadline())).containsEntry("protocol", "tcp")
                .containsEntry("host", "db.example").containsEntry("port", "9092").containsEntry("database", "~/orders");
        assertThat(factories(false).refusal(file, loader -> NO_JDBC)).startsWith("testguard refused a connection to "
                + "jdbc:h2:file:/srv/data/shop_prod").contains("Rule 'name'");
    }

    @Test
    void anMssqlFactoryWithANonTestNameIsRefusedBeforeAnySocketOpens() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            MssqlConnectionFactory factory = new MssqlConnectionFactory(MssqlConnectionConfiguration.builder()
                    .host("127.0.0.1").port(port).database("billing").username("sa").password("Secret-9").build());

            assertThat(R2dbcTargets.options(factory, deadline())).containsEntry("driver", "mssql")
                    .containsEntry("host", "127.0.0.1").containsEntry("port", String.valueOf(port))
                    .containsEntry("database", "billing").containsEntry("user", "sa");
            String refusal = factories(false).refusal(factory, loader -> NO_JDBC);

            assertThat(refusal).startsWith("testguard refused a connection to jdbc:sqlserver://127.0.0.1:" + port)
                    .contains("billing", "Rule 'name'").doesNotContain("Secret-9");
            assertThat(server.accept()).as("nobody connected to the MSSQL port").isNull();
        }
    }

    /**
     * The guard has no live rules for SQL Server (no stamp store, no row estimate: over JDBC too the live facts are
     * "not checked"), so there is no live check to run and none to fail: the static rules decide, without a socket.
     * A {@code *_test} name on the loopback is let through, and the test sees what the driver does where nothing
     * listens: its own connection error, not a refusal. (Where live rules exist and cannot run, the factory is
     * refused fail closed: {@code R2dbcFactoriesTest}.)
     */
    @Test
    void anMssqlTestDatabaseNobodyServesIsLeftToTheDriver() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        ConnectionFactory factory = new MssqlConnectionFactory(MssqlConnectionConfiguration.builder()
                .host("127.0.0.1").port(port).database("billing_test").username("sa").password("Secret-9").build());

        assertThat(factories(false).refusal(factory, loader -> NO_JDBC)).isNull();
        assertThatThrownBy(() -> Mono.from(factory.create()).block()).hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("testguard");
    }

    @Test
    void anAsyncerMysqlFactoryIsJudgedAgainstTheLocalMariadb() throws Exception {
        String name = "r2dbcmore_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_test";
        try (Connection root = DriverManager.getConnection("jdbc:mariadb://localhost:3306/", "root", "");
                Statement st = root.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            try {
                MySqlConnectionFactory test = mysql(name);
                assertThat(R2dbcTargets.options(test, deadline())).containsEntry("driver", "mysql")
                        .containsEntry("host", "localhost").containsEntry("port", "3306")
                        .containsEntry("database", name).containsEntry("user", "root");
                assertThat(factories(false).refusal(test, loader -> NO_JDBC)).isNull();
                assertThat(Mono.from(test.create()).flatMap(c -> Mono.from(c.close()).thenReturn("open")).block())
                        .isEqualTo("open");
                assertThat(factories(false).refusal(mysql("billing_prod"), loader -> NO_JDBC))
                        .startsWith("testguard refused a connection to jdbc:mysql://localhost:3306/billing_prod");
            } finally {
                st.execute("DROP DATABASE " + name);
            }
        }
    }

    private static MySqlConnectionFactory mysql(String database) {
        return MySqlConnectionFactory.from(MySqlConnectionConfiguration.builder().host("localhost").port(3306)
                .database(database).user("root").build());
    }

    /** r2dbc-proxy's factory connects through the one it wraps: that one is judged (and refused), not the proxy. */
    @Test
    void aProxiedFactoryIsJudgedThroughTheFactoryItWraps() {
        MssqlConnectionFactory inner = new MssqlConnectionFactory(MssqlConnectionConfiguration.builder()
                .host("127.0.0.1").database("billing_prod").username("sa").password("x").build());
        ConnectionFactory proxy = ProxyConnectionFactory.builder(inner).build();
        R2dbcFactories factories = factories(false);

        assertThat(R2dbcTargets.delegates(proxy)).isTrue();
        assertThat(factories.refusal(proxy, loader -> NO_JDBC)).isNull();
        assertThat(factories.refusal(inner, loader -> NO_JDBC)).contains("billing_prod", "Rule 'name'");
    }
}
