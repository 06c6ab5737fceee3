package dev.testguard.runtime.e2e;

import dev.testguard.probe.MysqlStampStore;
import dev.testguard.probe.PostgresStampStore;
import dev.testguard.probe.Stamp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uniquely named databases of one end-to-end run on the local PostgreSQL and MariaDB servers, created with an
 * {@code items} table, and dropped after (only these: never a sweep).
 */
final class E2eDatabases {

    static final String PG = "jdbc:postgresql://localhost:5432/";
    static final String MARIA = "jdbc:mariadb://localhost:3306/";
    /** The maxRows the options hand the guard: small, so one database can be "full" cheaply. */
    static final long MAX_ROWS = 50;

    final String pgDev;
    final String pgTest;
    final String pgNeutral;
    final String pgStampedProtected;
    final String pgBig;
    final String myDev;
    final String myTest;
    final String myStampedProtected;
    /** A *_test database stamped protected whose stamp {@link #myUnreadableUser} may not read. */
    final String myUnreadableStamp;
    final String myUnreadableUser;
    /** A MariaDB user of this run with all rights on {@link #myDev} and {@link #myTest}; its password is not SECRET. */
    final String myPasswordUser;

    private E2eDatabases(String prefix) {
        pgDev = prefix + "_dev";
        pgTest = prefix + "_test";
        pgNeutral = prefix + "_scratch";
        pgStampedProtected = prefix + "_stamped_test";
        pgBig = prefix + "_big_test";
        myDev = prefix + "_dev";
        myTest = prefix + "_test";
        myStampedProtected = prefix + "_stamped_test";
        myUnreadableStamp = prefix + "_nosel_test";
        myUnreadableUser = prefix + "_nosel";
        myPasswordUser = prefix + "_pw";
    }

    static E2eDatabases create(String prefix) throws SQLException {
        E2eDatabases d = new E2eDatabases(prefix);
        try {
            d.createPostgres(d.pgDev, 10);
            d.createPostgres(d.pgTest, 0);
            d.createPostgres(d.pgNeutral, 0);
            d.createPostgres(d.pgStampedProtected, 3);
            d.createPostgres(d.pgBig, 2 * MAX_ROWS);
            stamp(d.pgNeutral, Stamp.Role.TEST);
            stamp(d.pgStampedProtected, Stamp.Role.PROTECTED);
            d.createMariadb(d.myDev, 10);
            d.createMariadb(d.myTest, 0);
            d.createMariadb(d.myStampedProtected, 3);
            stampMariadb(d.myStampedProtected, Stamp.Role.PROTECTED);
            d.createMariadb(d.myUnreadableStamp, 3);
            stampMariadb(d.myUnreadableStamp, Stamp.Role.PROTECTED);
            d.createUnreadableStampUser();
            d.createPasswordUser();
        } catch (SQLException | RuntimeException e) {
            d.drop();
            throw e;
        }
        return d;
    }

    void drop() throws SQLException {
        for (String db : new String[] {pgDev, pgTest, pgNeutral, pgStampedProtected, pgBig}) {
            execute(PG + "postgres", "postgres", "DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
        }
        for (String db : new String[] {myDev, myTest, myStampedProtected, myUnreadableStamp}) {
            execute(MARIA, "root", "DROP DATABASE IF EXISTS `" + db + "`");
        }
        execute(MARIA, "root", "DROP USER IF EXISTS '" + myUnreadableUser + "'@'%'",
                "DROP USER IF EXISTS '" + myPasswordUser + "'@'%'");
    }

    /** Rows of {@code items} in every database that holds some. */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String db : new String[] {pgDev, pgStampedProtected, pgBig}) {
            counts.put("pg:" + db, count(PG + db, "postgres"));
        }
        counts.put("maria:" + myDev, count(MARIA + myDev, "root"));
        counts.put("maria:" + myStampedProtected, count(MARIA + myStampedProtected, "root"));
        counts.put("maria:" + myUnreadableStamp, count(MARIA + myUnreadableStamp, "root"));
        return counts;
    }

    private void createPostgres(String db, long rows) throws SQLException {
        execute(PG + "postgres", "postgres", "CREATE DATABASE \"" + db + "\"");
        execute(PG + db, "postgres", "CREATE TABLE items (id bigint PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, " + rows + ") g", "ANALYZE items");
    }

    private void createMariadb(String db, long rows) throws SQLException {
        execute(MARIA, "root", "CREATE DATABASE `" + db + "`");
        execute(MARIA + db, "root", "CREATE TABLE items (id bigint PRIMARY KEY, name varchar(40))");
        for (long i = 1; i <= rows; i++) {
            execute(MARIA + db, "root", "INSERT INTO items VALUES (" + i + ", 'item " + i + "')");
        }
    }

    /**
     * A user who may delete the rows but not read the stamp: INSERT on the stamp table only (so the table is
     * visible to it, and reading it fails), as a hand-made grant could leave it.
     */
    private void createUnreadableStampUser() throws SQLException {
        String user = "'" + myUnreadableUser + "'@'%'";
        execute(MARIA, "root", "CREATE USER " + user,
                "GRANT SELECT, DELETE ON `" + myUnreadableStamp + "`.items TO " + user,
                "GRANT INSERT ON `" + myUnreadableStamp + "`.testguard_stamp TO " + user);
    }

    /** A user whose login the server rejects unless given its own password (never the one the scenarios use). */
    private void createPasswordUser() throws SQLException {
        String user = "'" + myPasswordUser + "'@'%'";
        execute(MARIA, "root", "CREATE USER " + user + " IDENTIFIED BY 'Right-" + myPasswordUser + "'",
                "GRANT ALL PRIVILEGES ON `" + myDev + "`.* TO " + user,
                "GRANT ALL PRIVILEGES ON `" + myTest + "`.* TO " + user);
    }

    private static void stamp(String db, Stamp.Role role) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + db, "postgres", "")) {
            new PostgresStampStore().write(c, new Stamp(role, Instant.now(), "GuardEndToEndTest", "testguard"));
        }
    }

    private static void stampMariadb(String db, Stamp.Role role) throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIA + db, "root", "")) {
            new MysqlStampStore().write(c, new Stamp(role, Instant.now(), "GuardEndToEndTest", "testguard"));
        }
    }

    private static long count(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String url, String user, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
