package dev.testguard.db;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.Secrets;
import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Opens JDBC connections with the drivers the plugin ships, with a bounded connect timeout.
 * Drivers are instantiated directly rather than through {@code DriverManager}, which does not see
 * drivers that live in a Maven plugin's class realm.
 */
public final class Connections {

    private Connections() {
    }

    /**
     * How long one network read may wait once connected: long enough for a slow statement (a big DELETE, a
     * CREATE DATABASE from a template), short enough that a server that went silent does not hang the build.
     */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private static final Executor DIRECT = Runnable::run;

    public static Connection open(DatabaseTarget target, Duration timeout) throws SQLException {
        return open(target.url(), target.effectiveCredentials(), timeout);
    }

    /**
     * Opens a connection whose connect, handshake and login each wait at most {@code timeout}, and whose later
     * reads wait at most {@link #READ_TIMEOUT}. A server that stays silent is remembered ({@link SilentHosts}):
     * later connections to it in this build fail at once.
     */
    public static Connection open(JdbcUrl url, Credentials credentials, Duration timeout) throws SQLException {
        return open(url, credentials, timeout, READ_TIMEOUT);
    }

    public static Connection open(JdbcUrl url, Credentials credentials, Duration timeout, Duration readTimeout)
            throws SQLException {
        SilentHosts.refuseKnown(url);
        Driver driver = driverFor(url.vendor());
        Properties props = new Properties();
        if (credentials != null && credentials.username() != null) {
            props.setProperty("user", credentials.username());
        }
        if (credentials != null && credentials.password() != null) {
            props.setProperty("password", credentials.password());
        }
        String jdbc = url.raw();
        long millis = Math.max(1, timeout.toMillis());
        switch (url.vendor()) {
            case POSTGRESQL:
                String seconds = Long.toString(Math.max(1, (millis + 999) / 1000));
                props.setProperty("connectTimeout", seconds);
                props.setProperty("loginTimeout", seconds);
                props.setProperty("socketTimeout", seconds); // the startup handshake; reads later get readTimeout
                props.setProperty("ApplicationName", "testguard");
                // the application name then rides in the startup packet instead of a SET round trip after the login
                props.setProperty("assumeMinServerVersion", "9.0");
                break;
            case MYSQL:
            case MARIADB:
                props.setProperty("connectTimeout", Long.toString(millis));
                props.setProperty("socketTimeout", Long.toString(millis)); // the greeting; reads later get readTimeout
                // Connector/J speaks to MariaDB too; it only knows the jdbc:mysql: prefix.
                if (jdbc.startsWith("jdbc:mariadb:")) {
                    jdbc = "jdbc:mysql:" + jdbc.substring("jdbc:mariadb:".length());
                }
                break;
            default:
                break;
        }
        refuseAnotherTarget(url, props);
        Connection connection;
        try {
            connection = driver.connect(jdbc, props);
        } catch (SQLException e) {
            if (SilentHosts.isTimeout(e)) {
                SilentHosts.record(url, millis);
            }
            throw new SQLException(Secrets.maskText(e.getMessage(), credentials),
                    e.getSQLState(), e.getErrorCode());
        }
        if (connection == null) {
            throw new SQLException("the " + url.vendor().displayName() + " driver does not accept " + url.masked());
        }
        boundReads(connection, url, readTimeout);
        return connection;
    }

    private static void boundReads(Connection connection, JdbcUrl url, Duration readTimeout) throws SQLException {
        if (url.vendor() != Vendor.POSTGRESQL && !url.vendor().isMysqlFamily()) {
            return; // embedded engines have no network to bound
        }
        try {
            connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, Math.max(1, readTimeout.toMillis())));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw new SQLException("testguard could not bound the read timeout of its connection to " + url.masked()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last word before a connection: the driver, given these properties, must open the very database and
     * servers that were judged. A URL rewritten or built elsewhere whose parameters still name another database,
     * or one whose parts disagree, is refused here, whatever the caller decided.
     */
    static void refuseAnotherTarget(JdbcUrl judged, Properties props) throws SQLException {
        if (judged.vendor() != Vendor.POSTGRESQL && !judged.vendor().isMysqlFamily()) {
            return;
        }
        JdbcUrl opened;
        try {
            opened = JdbcUrlParser.parse(judged.raw(), props);
        } catch (JdbcUrlException e) {
            throw new SQLException("testguard does not connect: " + e.getMessage());
        }
        if (!Objects.equals(opened.databaseName(), blankToNull(judged.databaseName()))
                || !opened.hosts().equals(judged.hosts())) {
            throw new SQLException("testguard does not connect to " + judged.masked() + ": it was judged as database "
                    + quoted(judged.databaseName()) + " on " + judged.hosts() + ", but the driver would open "
                    + quoted(opened.databaseName()) + " on " + opened.hosts() + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String quoted(String name) {
        return name == null ? "(the driver's default)" : "'" + name + "'";
    }

    static Driver driverFor(Vendor vendor) throws SQLException {
        switch (vendor) {
            case POSTGRESQL:
                return new org.postgresql.Driver();
            case MYSQL:
            case MARIADB:
                return new com.mysql.cj.jdbc.Driver();
            case H2:
                return new org.h2.Driver();
            case SQLITE:
                return new org.sqlite.JDBC();
            default:
                throw new SQLException("testguard cannot connect to " + vendor.displayName()
                        + " databases: supported are PostgreSQL, MySQL, MariaDB, H2 and SQLite");
        }
    }
}
