package dev.testguard.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import dev.testguard.runtime.agent.bootstrap.ConnectionHooks;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The woven code's semantics, on woven copies of small drivers and data sources (loaded from the test classes by a
 * {@link WeavingLoader}) with recording hooks behind the Bridge: entry, return value replaced, exceptions passed to
 * the exit and rethrown, a refusal at entry skipping the method, and a non-driver left unjudged.
 */
public class WovenCodeTest {

    public static final Connection OPENED = connection();
    public static final Connection REPLACED = connection();
    private static final SQLException MASKED = new SQLException("masked by the hook");
    private static final String BAD_URL = "jdbc:mysql://localhost/shop_test?user=app&password=S3cretPw";
    /** A URL MariaDbDataSource(String) accepts unread; its port is read when it is parsed, from the password on. */
    private static final String ACCEPTED_URL = "jdbc:mariadb://app:S3cretPw@localhost:3306/shop_test";
    private static final String VALID_URL = "jdbc:mariadb://localhost/shop_test";
    private static final List<String> MARIADB_DATA_SOURCES = List.of("org.mariadb.jdbc.MariaDbDataSource",
            "org.mariadb.jdbc.MariaDbPoolDataSource");
    private final Recorder hooks = new Recorder();

    @AfterEach
    void uninstall() {
        Bridge.install(null);
    }

    @Test
    void aDriversConnectIsJudgedBeforeAndAfterAndReturnsWhatTheExitReturns() throws Throwable {
        Bridge.install(hooks);
        assertThat(connect(FakeDriver.class, "jdbc:fake:ok")).isSameAs(REPLACED);
        assertThat(hooks.calls).containsExactly("before jdbc:fake:ok", "after scope " + OPENED.hashCode() + " null");
    }

    @Test
    void anExceptionOfConnectGoesThroughTheExitAndIsRethrown() throws Throwable {
        Bridge.install(hooks);
        assertThatThrownBy(() -> connect(FakeDriver.class, "jdbc:fake:fail")).isInstanceOf(SQLException.class)
                .hasMessage("no such database");
        assertThat(hooks.calls).containsExactly("before jdbc:fake:fail", "after scope null no such database");
    }

    @Test
    void aRefusalAtEntryIsThrownAndTheDriverNeverRuns() throws Throwable {
        Bridge.install(hooks);
        assertThatThrownBy(() -> connect(FakeDriver.class, "jdbc:fake:refused")).isInstanceOf(SQLException.class)
                .hasMessage("testguard refused it");
        assertThat(hooks.calls).containsExactly("before jdbc:fake:refused");
    }

    @Test
    void aConnectOfAClassThatIsNoDriverIsNotJudged() throws Throwable {
        Bridge.install(hooks);
        assertThat(connect(NotADriver.class, "jdbc:fake:ok")).isSameAs(OPENED);
        assertThat(hooks.calls).isEmpty();
    }

    @Test
    void aPooledConnectionIsJudgedLikeADataSourceAtEntryAndExit() throws Throwable {
        Bridge.install(hooks);
        try (WeavingLoader loader = new WeavingLoader(testClasses(), WovenCodeTest::isFake)) {
            Object dataSource = loader.loadClass(FakePooledConnection.class.getName()).getConstructor().newInstance();
            Object connection = dataSource.getClass().getMethod("getConnection").invoke(dataSource);
            assertThat(connection).isSameAs(REPLACED);
        }
        assertThat(hooks.calls).containsExactly("enter data source", "exit data source " + OPENED.hashCode());
    }

    /** MariaDB's own data source, woven: setUrl and the (String) constructor throw what the hook returns. */
    @Test
    void anExceptionOfMariaDbsSetUrlOrUrlConstructorIsReplacedByTheHooksAndAValidUrlIsLeftAlone() throws Throwable {
        Bridge.install(hooks);
        for (String name : MARIADB_DATA_SOURCES) {
            hooks.calls.clear();
            try (WeavingLoader loader = mariaDb(name)) {
                Class<?> type = loader.loadClass(name);
                Object dataSource = type.getConstructor().newInstance();
                Method setUrl = type.getMethod("setUrl", String.class);
                assertThatThrownBy(() -> invoke(() -> setUrl.invoke(dataSource, BAD_URL)))
                        .as(name).isSameAs(MASKED);
                assertThatThrownBy(() -> invoke(() -> type.getConstructor(String.class).newInstance(BAD_URL)))
                        .as(name).isSameAs(MASKED);
                assertThat(hooks.calls).as(name).hasSize(2).allMatch(c -> c.startsWith("url rejected " + BAD_URL
                        + ": java.sql.SQLException: Wrong mariaDB url: " + BAD_URL));
                hooks.calls.clear();
                setUrl.invoke(dataSource, VALID_URL);
                assertThat(type.getMethod("getUrl").invoke(dataSource)).isEqualTo(VALID_URL);
                assertThat(hooks.calls).as(name).isEmpty();
            }
        }
    }

    /**
     * A URL the (String) constructor accepts unread throws later, from the private config() that getConnection*
     * (and setUser, setPassword, setLoginTimeout once configured) call: config() throws what the hook returns, masked
     * by the instance's url field; a valid URL is configured without the hook.
     */
    @Test
    void anExceptionOfMariaDbsConfigIsReplacedByTheHooksAndAValidUrlIsLeftAlone() throws Throwable {
        Bridge.install(hooks);
        for (String name : MARIADB_DATA_SOURCES) {
            hooks.calls.clear();
            try (WeavingLoader loader = mariaDb(name)) {
                Class<?> type = loader.loadClass(name);
                Method config = type.getDeclaredMethod("config");
                config.setAccessible(true);
                Object dataSource = type.getConstructor().newInstance();
                assertThatThrownBy(() -> invoke(() -> config.invoke(dataSource))).as(name).isSameAs(MASKED);
                assertThat(hooks.calls).as("no URL yet").containsExactly(
                        "url rejected null: java.sql.SQLException: url not set");
                hooks.calls.clear();
                java.lang.reflect.Field url = type.getDeclaredField("url");
                url.setAccessible(true);
                url.set(dataSource, ACCEPTED_URL); // as the (String) constructor leaves it: not yet parsed
                assertThatThrownBy(() -> invoke(() -> config.invoke(dataSource))).as(name).isSameAs(MASKED);
                assertThat(hooks.calls).as(name).containsExactly("url rejected " + ACCEPTED_URL
                        + ": java.sql.SQLException: Incorrect port value : S3cretPw@localhost");
                hooks.calls.clear();
                url.set(dataSource, VALID_URL);
                config.invoke(dataSource);
                assertThat(type.getMethod("getUrl").invoke(dataSource)).isEqualTo(VALID_URL);
                assertThat(hooks.calls).as(name).isEmpty();
            }
        }
    }

    /** Through getConnection(), which calls config() first: its exit gets, and it throws, the masked exception. */
    @Test
    void getConnectionOfAnAcceptedBadUrlPassesTheMaskedExceptionToTheExit() throws Throwable {
        Bridge.install(hooks);
        String name = "org.mariadb.jdbc.MariaDbDataSource";
        try (WeavingLoader loader = mariaDb(name)) {
            Class<?> type = loader.loadClass(name);
            Object dataSource = type.getConstructor(String.class).newInstance(ACCEPTED_URL);
            assertThat(hooks.calls).isEmpty();
            assertThatThrownBy(() -> invoke(() -> type.getMethod("getConnection").invoke(dataSource)))
                    .isSameAs(MASKED);
            assertThat(hooks.calls).containsExactly("enter data source", "url rejected " + ACCEPTED_URL
                    + ": java.sql.SQLException: Incorrect port value : S3cretPw@localhost",
                    "exit data source " + MASKED);
        }
    }

    /** No guard behind the Bridge (it failed to start): the driver's message is withheld, never shown unmasked. */
    @Test
    void withoutAGuardToMaskItTheDriversMessageIsWithheld() throws Throwable {
        String name = "org.mariadb.jdbc.MariaDbDataSource";
        try (WeavingLoader loader = mariaDb(name)) {
            Class<?> type = loader.loadClass(name);
            Object dataSource = type.getConstructor().newInstance();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> invoke(() ->
                    type.getMethod("setUrl", String.class).invoke(dataSource, BAD_URL)));
            assertThat(thrown).isInstanceOf(SQLException.class).hasNoCause()
                    .hasMessageContaining("testguard withheld the driver's message").hasMessageNotContaining("S3cretPw");
            assertThat(((SQLException) thrown).getSQLState()).as("the driver's own SQLState, no refusal's 28000")
                    .isNotEqualTo("28000").isEqualTo(driversSqlState(BAD_URL));
            assertThat(thrown.getStackTrace()[0].getMethodName()).isEqualTo("setUrl");
        }
    }

    private static String driversSqlState(String url) {
        try {
            new org.mariadb.jdbc.MariaDbDataSource().setUrl(url);
            throw new AssertionError("the driver took " + url);
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    /** A loader weaving the MariaDB class {@code name} from the driver's jar. */
    private static WeavingLoader mariaDb(String name) throws Exception {
        return new WeavingLoader(Path.of(org.mariadb.jdbc.Driver.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()), n -> n.equals(name));
    }

    private static void invoke(java.util.concurrent.Callable<?> call) throws Throwable {
        try {
            call.call();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object connect(Class<?> driver, String url) throws Throwable {
        try (WeavingLoader loader = new WeavingLoader(testClasses(), WovenCodeTest::isFake)) {
            Object woven = loader.loadClass(driver.getName()).getConstructor().newInstance();
            return woven.getClass().getMethod("connect", String.class, Properties.class)
                    .invoke(woven, url, new Properties());
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isFake(String name) {
        return name.startsWith(WovenCodeTest.class.getName() + "$") && !name.endsWith("Recorder");
    }

    private static Path testClasses() throws Exception {
        return Path.of(WovenCodeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(WovenCodeTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("hashCode")
                        ? System.identityHashCode(proxy) : null);
    }

    /** Connects as its URL says: ok, fail (throws) or refused (must never run). */
    public static class NotADriver {
        public Connection connect(String url, Properties info) throws SQLException {
            if (url.endsWith("fail")) {
                throw new SQLException("no such database");
            }
            if (url.endsWith("refused")) {
                throw new AssertionError("the refused connect ran");
            }
            return OPENED;
        }
    }

    public static class FakeDriver extends NotADriver implements java.sql.Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return super.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) {
            return true;
        }

        @Override
        public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new java.sql.DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return null;
        }
    }

    /** A pooled connection: woven like data sources, its handles are judged when taken. */
    public static class FakePooledConnection implements javax.sql.PooledConnection {
        @Override
        public Connection getConnection() {
            return OPENED;
        }

        @Override
        public void close() {
        }

        @Override
        public void addConnectionEventListener(javax.sql.ConnectionEventListener listener) {
        }

        @Override
        public void removeConnectionEventListener(javax.sql.ConnectionEventListener listener) {
        }

        @Override
        public void addStatementEventListener(javax.sql.StatementEventListener listener) {
        }

        @Override
        public void removeStatementEventListener(javax.sql.StatementEventListener listener) {
        }
    }

    /** Records the calls of the woven code; refuses a URL ending in "refused", replaces every connection. */
    static final class Recorder implements ConnectionHooks {

        final List<String> calls = new ArrayList<>();

        @Override
        public Object beforeDriverConnect(Object driver, String url, Properties info) throws SQLException {
            calls.add("before " + url);
            if (url.endsWith("refused")) {
                throw new SQLException("testguard refused it", "28000");
            }
            return "scope";
        }

        @Override
        public Object beforeConfiguredConnect(Object configuration) {
            calls.add("configured " + configuration);
            return "scope";
        }

        @Override
        public Object afterDriverConnect(Object scope, Object connection, Throwable thrown) {
            calls.add("after " + scope + " " + (connection == null ? null : connection.hashCode()) + " "
                    + (thrown == null ? null : thrown.getMessage()));
            return connection == null ? null : REPLACED;
        }

        @Override
        public Object enterDataSource(Object dataSource) {
            calls.add("enter data source");
            return "data source scope";
        }

        @Override
        public Object exitDataSource(Object scope, Object connection, Throwable thrown) {
            calls.add("exit data source " + (thrown == null ? connection.hashCode() : thrown.toString()));
            return REPLACED;
        }

        @Override
        public String judgeR2dbc(Map<String, String> options, ClassLoader loader, Object factory) {
            calls.add("r2dbc " + options);
            return null;
        }

        @Override
        public Object r2dbcCreate(Object factory, Object publisher, String returnType) {
            calls.add("create " + returnType);
            return publisher;
        }

        @Override
        public Throwable urlRejected(String url, Throwable thrown) {
            calls.add("url rejected " + url + ": " + thrown);
            return MASKED;
        }
    }
}
