package dev.testguard.runtime.e2e;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.DataSourceConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.dbcp2.PoolingDataSource;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The pool scenarios of {@link GuardedMain} ({@code pool-*} kinds): every way a HikariCP or DBCP2 pool opens its
 * physical connections, whose borrows the guard does not weave, so each of these must be judged where the connection opens.
 */
final class GuardedPools {

    private GuardedPools() {
    }

    /** Borrows 20 connections (the first deletes the rows it reaches); a refusal propagates as the pool throws it. */
    static String run(String kind, String url, String user, String password) throws Exception {
        if (kind.startsWith("pool-dbcp2-")) {
            try (AutoCloseable pool = dbcp2(kind, url, user, password)) {
                return borrow((DataSource) pool, kind);
            }
        }
        try (HikariDataSource pool = new HikariDataSource(hikari(kind, url, user, password))) {
            return borrow(pool, kind);
        }
    }

    private static HikariConfig hikari(String kind, String url, String user, String password) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(2);
        config.setUsername(user);
        config.setPassword(password);
        switch (kind) {
            case "pool-hikari-adder", "pool-hikari-adder-swallowed" -> {
                config.setJdbcUrl(url);
                config.setInitializationFailTimeout(-1); // starts unchecked: the adder thread opens the connections
                config.setConnectionTimeout(5_000); // time for the adder to fail: its refusal is the timeout's cause
            }
            case "pool-hikari-pgclass" -> {
                config.setDataSourceClassName(PGSimpleDataSource.class.getName());
                config.addDataSourceProperty("url", url);
            }
            case "pool-hikari-mariaclass" -> {
                config.setDataSourceClassName(MariaDbDataSource.class.getName());
                config.addDataSourceProperty("url", url);
            }
            case "pool-hikari-setds-pg" -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                config.setDataSource(pg);
            }
            case "pool-hikari-setds-maria" -> config.setDataSource(new MariaDbDataSource(url));
            case "pool-hikari-own-datasource" -> config.setDataSource(new example.userpools.OwnPgDataSource(url));
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
        return config;
    }

    /** Apache DBCP2: a BasicDataSource given the URL, or a PoolingDataSource over a vendor data source. */
    private static AutoCloseable dbcp2(String kind, String url, String user, String password) {
        if (kind.equals("pool-dbcp2-url")) {
            BasicDataSource basic = new BasicDataSource();
            basic.setUrl(url);
            basic.setUsername(user);
            basic.setPassword(password);
            return basic;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        PoolableConnectionFactory connections = new PoolableConnectionFactory(new DataSourceConnectionFactory(pg),
                null);
        GenericObjectPool<PoolableConnection> pool = new GenericObjectPool<>(connections);
        connections.setPool(pool);
        return new PoolingDataSource<>(pool);
    }

    private static String borrow(DataSource pool, String kind) throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Connection c = pool.getConnection()) {
                if (i == 0) {
                    GuardedMain.harm(c);
                }
            } catch (SQLException e) {
                if (kind.endsWith("-swallowed")) {
                    return "OK";
                }
                throw e;
            }
        }
        return "OK";
    }
}
