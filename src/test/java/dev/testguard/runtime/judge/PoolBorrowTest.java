package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
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
 * A real HikariCP pool over physical connections the judge judged (as the woven {@code Driver.connect} does), borrowed
 * through a data source the guard weaves around it (a user's wrapper or routing data source: HikariCP's own
 * {@code getConnection} is not woven): each borrow is recognised as the physical connection it wraps and only
 * counted, never judged again by its metadata.
 */
class PoolBorrowTest {

    private static final String PG = "jdbc:postgresql://localhost:5432/";
    private static String db;
    private static String other;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = "tg_rtperf" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L) + "_test";
        admin("CREATE DATABASE \"" + db + "\"");
        other = "agentsteady_" + Long.toHexString(UUID.randomUUID().getMostSignificantBits()) + "_test";
        admin("CREATE DATABASE \"" + other + "\"");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
        admin("DROP DATABASE IF EXISTS \"" + other + "\" WITH (FORCE)");
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
                    judge.judgeOpened(borrowed); // what a woven wrapper's getConnection around the pool does on exit
                }
            }
        }
        assertThat(metadataReads).hasValue(0);
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).filteredOn(r -> !r.isRefusal())
                .extracting(RuntimeRecord::testClass).containsOnly(PoolBorrowTest.class.getName());
    }

    @Test
    void aRoutingDataSourceSwitchingDatabasesIsCountedPerDatabaseAndAnUnjudgedTargetIsStillRefused() throws Exception {
        ConnectionLog log = new ConnectionLog(dir.resolve("records"), "tok", 7);
        ConnectionJudge judge = defaultJudge(log);
        AtomicInteger metadataReads = new AtomicInteger();
        JudgedDriverDataSource toDb = new JudgedDriverDataSource(judge, PG + db, metadataReads);
        JudgedDriverDataSource toOther = new JudgedDriverDataSource(judge, PG + other, metadataReads);
        try (HikariDataSource first = pool(toDb); HikariDataSource second = pool(toOther)) {
            for (int i = 0; i < 300; i++) {
                try (Connection borrowed = (i % 3 == 0 ? second : first).getConnection()) {
                    judge.judgeOpened(borrowed); // the routing data source's woven getConnection, on exit
                }
            }
            Connection unjudged = DriverManager.getConnection(PG + "postgres", "postgres", "");
            assertThatThrownBy(() -> judge.judgeOpened(unjudged)).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("testguard refused").extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo(Refusals.SQL_STATE);
            assertThat(unjudged.isClosed()).isTrue();
        }
        log.writeCounts();
        assertThat(metadataReads).hasValue(0);
        List<RuntimeRecord> records = RuntimeRecords.read(dir.resolve("records"), "tok");
        // each pool's physical connections count as connections of their database too
        assertThat(counted(records, db)).isEqualTo(200 + toDb.physical.get());
        assertThat(counted(records, other)).isEqualTo(100 + toOther.physical.get());
        assertThat(records).filteredOn(RuntimeRecord::isRefusal).extracting(RuntimeRecord::database)
                .containsExactly("postgresql://localhost:5432/postgres");
    }

    /**
     * The shortcut of a thread's repeat borrow (its last physical connection, recognised by identity through the
     * wrapper, no lookup): each borrow is counted; a wrapper of another connection is not taken for it, so one of an
     * unjudged connection is still refused on a thread whose last borrow was judged, and the shortcut goes on after.
     */
    @Test
    void aThreadsRepeatBorrowIsCountedAndAWrapperOfAnUnjudgedConnectionIsStillRefused() throws Exception {
        ConnectionLog log = new ConnectionLog(dir.resolve("records"), "tok", 7);
        ConnectionJudge judge = defaultJudge(log);
        AtomicInteger metadataReads = new AtomicInteger();
        ThreadSample thread = judge.thisThread();
        try (Connection physical = new JudgedDriverDataSource(judge, PG + db, metadataReads).getConnection()) {
            for (int i = 0; i < 1_000; i++) {
                judge.judgeOpened(wrapping(physical), thread);
            }
            Connection unjudged = DriverManager.getConnection(PG + "postgres", "postgres", "");
            assertThatThrownBy(() -> judge.judgeOpened(wrapping(unjudged), thread)).isInstanceOf(SQLException.class)
                    .hasMessageStartingWith("testguard refused");
            assertThat(unjudged.isClosed()).isTrue();
            for (int i = 0; i < 500; i++) {
                judge.judgeOpened(wrapping(physical), thread);
            }
        }
        log.writeCounts();
        assertThat(metadataReads).hasValue(0);
        List<RuntimeRecord> records = RuntimeRecords.read(dir.resolve("records"), "tok");
        assertThat(counted(records, db)).isEqualTo(1 + 1_500);
        assertThat(records).filteredOn(r -> !r.isRefusal()).extracting(RuntimeRecord::testClass)
                .containsOnly(PoolBorrowTest.class.getName());
    }

    /** A pool's wrapper of {@code connection}, fresh at each borrow as HikariCP's: unwraps to it. */
    private static Connection wrapping(Connection connection) {
        return (Connection) Proxy.newProxyInstance(PoolBorrowTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        return connection;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static HikariDataSource pool(DataSource physical) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(physical);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** The connections recorded to {@code database}: each test class's highest count, added up. */
    private static long counted(List<RuntimeRecord> records, String database) {
        return records.stream().filter(r -> !r.isRefusal() && r.database().endsWith("/" + database))
                .collect(java.util.stream.Collectors.toMap(r -> String.valueOf(r.testClass()), RuntimeRecord::count,
                        Math::max)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A data source whose physical connections go through the judge, and count who reads their metadata. */
    private static final class JudgedDriverDataSource implements DataSource {

        private final ConnectionJudge judge;
        private final String url;
        private final AtomicInteger metadataReads;
        private final AtomicInteger physical = new AtomicInteger();

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
            Connection judged = judge.after(pending, counting(DriverManager.getConnection(url, info)));
            // counted once judged, so a connection still being opened while the pool closes counts on both sides or none
            physical.incrementAndGet();
            return judged;
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
            return 10; // Hikari's close waits this long for a connection its filler thread is still opening
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

    /** A judge with the default policy, writing to {@code log}. */
    private ConnectionJudge defaultJudge(ConnectionLog log) {
        return new ConnectionJudge(PolicySettings.defaults(dir, dir.resolve("target"), false), false, log,
                new TestClasses(Path.of("target/test-classes")));
    }
}
