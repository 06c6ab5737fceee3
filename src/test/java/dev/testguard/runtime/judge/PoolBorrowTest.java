package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HikariCP pool over physical connections the judge judged (as the woven {@code Driver.connect} does): each
 * borrow is recognised as the physical connection it wraps and only counted, never judged again by its metadata.
 */
class PoolBorrowTest {

    private static final String PG = "jdbc:postgresql://localhost:5432/";
    private static String db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = "tg_rtperf" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L) + "_test";
        admin("CREATE DATABASE \"" + db + "\"");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
    }

    @Test
    void aBorrowOfAJudgedPhysicalConnectionIsCountedWithoutReadingItsMetadata() throws Exception {
        PolicySettings policy = PolicySettings.defaults(dir, dir.resolve("target"), false);
        ConnectionJudge judge = new ConnectionJudge(policy, false, new ConnectionLog(dir.resolve("records"), "tok",
                7), new TestClasses(Path.of("target/test-classes")));
        AtomicInteger metadataReads = new AtomicInteger();
        HikariConfig config = new HikariConfig();
        config.setDataSource(new JudgedDriverDataSource(judge, PG + db, metadataReads));
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 0; i < 2_000; i++) {
                try (Connection borrowed = pool.getConnection()) {
                    judge.judgeOpened(borrowed); // what the woven HikariDataSource#getConnection does on exit
                }
            }
        }
        assertThat(metadataReads).hasValue(0);
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).filteredOn(r -> !r.isRefusal())
                .extracting(RuntimeRecord::testClass).containsOnly(PoolBorrowTest.class.getName());
    }

    /** A data source whose physical connections go through the judge, and count who reads their metadata. */
    private static final class JudgedDriverDataSource implements DataSource {

        private final ConnectionJudge judge;
        private final String url;
        private final AtomicInteger metadataReads;

        JudgedDriverDataSource(ConnectionJudge judge, String url, AtomicInteger metadataReads) {
            this.judge = judge;
            this.url = url;
            this.metadataReads = metadataReads;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Properties info = new Properties();
            info.setProperty("user", "postgres");
            ConnectionJudge.Pending pending = judge.before(url, info, false);
            return judge.after(pending, counting(DriverManager.getConnection(url, info)));
        }

        private Connection counting(Connection physical) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getMetaData")) {
                            metadataReads.incrementAndGet();
                        }
                        if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                            return method.getName().equals("unwrap") ? proxy : true;
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
