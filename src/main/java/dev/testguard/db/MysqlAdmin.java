package dev.testguard.db;

import dev.testguard.jdbc.DatabaseParameters;
import dev.testguard.jdbc.JdbcUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Administration of a MySQL or MariaDB server. Talks to the server through a connection that names
 * no database, so it works whether or not the database it acts on exists.
 * Tables are keyed by bare name: a MySQL database is its own schema, and a restore into another
 * database name must compare equal.
 */
public final class MysqlAdmin implements DatabaseAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TOKEN_TABLE = "testguard_provision";

    private final DatabaseTarget server;

    /** {@code anyDatabase}: any target on the server; only its host, port, parameters and credentials are used. */
    public MysqlAdmin(DatabaseTarget anyDatabase) {
        this.server = anyDatabase;
    }

    @Override
    public String serverVersion() throws SQLException {
        try (Connection c = openServer(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public boolean exists(String database) throws SQLException {
        try (Connection c = openServer();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void create(String database) throws SQLException {
        try (Connection c = openServer(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quote(database) + " CHARACTER SET utf8mb4");
        }
    }

    @Override
    public void drop(String database) throws SQLException {
        try (Connection c = openServer()) {
            killSessionsOn(c, database);
            try (Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + quote(database));
            }
        }
    }

    /** Other sessions holding metadata locks would make DROP DATABASE wait forever. */
    private static void killSessionsOn(Connection c, String database) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        for (long id : ids) {
            try (Statement st = c.createStatement()) {
                st.execute("KILL " + id);
            } catch (SQLException gone) {
                // the session ended on its own, or belongs to a user we may not kill: DROP will tell
            }
        }
    }

    @Override
    public DatabaseTarget sibling(String database) {
        return new DatabaseTarget(withDatabase(server.url(), database), server.credentials());
    }

    @Override
    public Map<String, Long> exactRowCounts(String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = openServer()) {
            for (String table : tables(c, database)) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + quote(database) + "." + quote(table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @Override
    public List<String> tables(String database) throws SQLException {
        try (Connection c = openServer()) {
            return tables(c, database);
        }
    }

    /** Base tables (including MariaDB system-versioned ones) of {@code database}, sorted. */
    public static List<String> tables(Connection c, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                        + " AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY TABLE_NAME")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** {@code GET_LOCK} on a connection that names no database (so that killing a database's sessions spares it). */
    @Override
    public DatabaseLock lock(String database, Duration wait) throws SQLException {
        Connection c = openServer();
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, DatabaseLock.name(database));
            ps.setLong(2, Math.max(1, wait.toSeconds()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return new DatabaseLock(c);
                }
            }
            throw new DatabaseLock.Busy(database, wait.toSeconds());
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public List<String> databasesStartingWith(String prefix) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = openServer(); PreparedStatement ps = c.prepareStatement("SELECT SCHEMA_NAME FROM"
                + " information_schema.SCHEMATA WHERE LEFT(SCHEMA_NAME, CHAR_LENGTH(?)) = ? ORDER BY 1")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** A one-row table: MySQL has no database comment. Flyway clean removes it (release then leaves the database). */
    @Override
    public void writeProvisionToken(String database, String token) throws SQLException {
        String table = quote(database) + "." + quote(TOKEN_TABLE);
        try (Connection c = openServer(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (token VARCHAR(64) NOT NULL)"
                    + " COMMENT = 'testguard: proves which build provisioned this database. Do not edit.'");
            st.execute("INSERT INTO " + table + " VALUES ('" + DatabaseAdmin.checkedToken(token) + "')");
        }
    }

    @Override
    public java.util.Optional<String> provisionToken(String database) throws SQLException {
        try (Connection c = openServer()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                ps.setString(1, database);
                ps.setString(2, TOKEN_TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return java.util.Optional.empty();
                    }
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT token FROM " + quote(database) + "." + quote(TOKEN_TABLE))) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    private Connection openServer() throws SQLException {
        return Connections.open(withDatabase(server.url(), null), server.effectiveCredentials(), TIMEOUT);
    }

    /** A MySQL identifier in backticks. */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * The same MySQL/MariaDB URL naming another database ({@code null}: none). Only the path between
     * the host list and the parameters changes; hosts, parameters and credentials stay as written.
     */
    public static JdbcUrl withDatabase(JdbcUrl url, String database) {
        String raw = DatabaseParameters.without(url.raw(), url.vendor());
        int authorityStart = raw.indexOf("//");
        if (authorityStart < 0) {
            throw new IllegalArgumentException("not a MySQL server URL: " + url.masked());
        }
        int paramsStart = indexOfAny(raw, authorityStart + 2, '?');
        int pathStart = raw.indexOf('/', authorityStart + 2);
        if (pathStart < 0 || pathStart > paramsStart) {
            pathStart = paramsStart;
        }
        String path = database == null ? "/" : "/" + database;
        String rewritten = raw.substring(0, pathStart) + path + raw.substring(paramsStart);
        return new JdbcUrl(rewritten, url.vendor(), url.storage(), url.hosts(), url.unixSocket(), database,
                url.filePath(), url.parameters(), url.user(), url.password());
    }

    private static int indexOfAny(String s, int from, char c) {
        int i = s.indexOf(c, from);
        return i < 0 ? s.length() : i;
    }
}
