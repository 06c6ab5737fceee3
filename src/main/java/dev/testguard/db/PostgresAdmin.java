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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL server administration. Server-wide statements (create, drop) run in the maintenance
 * database {@code postgres}; per-database ones in that database.
 */
public final class PostgresAdmin implements DatabaseAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql:(?://[^/?]*)?)(/[^?]*)?(\\?.*)?$", Pattern.DOTALL);
    private static final String MAINTENANCE_DB = "postgres";
    private static final String TOKEN_MARK = "testguard-provision-token:";
    private static final Pattern TOKEN = Pattern.compile(TOKEN_MARK + "([0-9a-f]+)");

    /** User tables, partitions included (each counted once: a partitioned parent has relkind 'p' and is skipped). */
    private static final String TABLES_SQL = "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
            + " ORDER BY n.nspname, c.relname";

    private final DatabaseTarget server;

    /** {@code server}: any database on the server; its URL supplies host, port, parameters and credentials. */
    public PostgresAdmin(DatabaseTarget server) {
        this.server = server;
    }

    @Override
    public String serverVersion() throws SQLException {
        try (Connection c = openMaintenance(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    /** e.g. 150020 for 15.20. */
    public int serverVersionNum() throws SQLException {
        try (Connection c = openMaintenance(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).trim());
        }
    }

    @Override
    public boolean exists(String database) throws SQLException {
        try (Connection c = openMaintenance(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** From {@code template0}: a restore needs a database with nothing in it, not even what template1 holds. */
    @Override
    public void create(String database) throws SQLException {
        try (Connection c = openMaintenance(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quote(database) + " TEMPLATE template0");
        }
    }

    @Override
    public void drop(String database) throws SQLException {
        try (Connection c = openMaintenance()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                ps.setString(1, database);
                ps.executeQuery().close();
            }
            try (Statement st = c.createStatement()) {
                boolean force = c.getMetaData().getDatabaseMajorVersion() >= 13;
                st.execute("DROP DATABASE IF EXISTS " + quote(database) + (force ? " WITH (FORCE)" : ""));
            }
        }
    }

    @Override
    public DatabaseTarget sibling(String database) {
        return new DatabaseTarget(withDatabase(server.url(), database), server.credentials());
    }

    @Override
    public Map<String, Long> exactRowCounts(String database) throws SQLException {
        try (Connection c = Connections.open(sibling(database), TIMEOUT)) {
            return exactRowCounts(c);
        }
    }

    /** Row counts over an open connection, e.g. one inside the snapshot a dump uses. */
    public static Map<String, Long> exactRowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String[] t : tableNames(c)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(t[0]) + "." + quote(t[1]))) {
                rs.next();
                counts.put(t[0] + "." + t[1], rs.getLong(1));
            }
        }
        return counts;
    }

    @Override
    public List<String> tables(String database) throws SQLException {
        try (Connection c = Connections.open(sibling(database), TIMEOUT)) {
            List<String> out = new ArrayList<>();
            for (String[] t : tableNames(c)) {
                out.add(t[0] + "." + t[1]);
            }
            return out;
        }
    }

    /** {@code pg_advisory_lock} on a connection to the maintenance database, bounded by {@code lock_timeout}. */
    @Override
    public DatabaseLock lock(String database, Duration wait) throws SQLException {
        Connection c = openMaintenance();
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            st.execute("SELECT pg_advisory_lock(" + DatabaseLock.key(database) + ")");
            st.execute("SET lock_timeout = 0");
            return new DatabaseLock(c);
        } catch (SQLException e) {
            c.close();
            throw "55P03".equals(e.getSQLState()) ? new DatabaseLock.Busy(database, wait.toSeconds()) : e;
        }
    }

    @Override
    public List<String> databasesStartingWith(String prefix) throws SQLException {
        return names("SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY 1", prefix);
    }

    private List<String> names(String sql, String parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = openMaintenance(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** In the database comment, which the stamp keeps (it appends itself) and which no schema change removes. */
    @Override
    public void writeProvisionToken(String database, String token) throws SQLException {
        try (Connection c = openMaintenance(); Statement st = c.createStatement()) {
            st.execute("COMMENT ON DATABASE " + quote(database) + " IS '" + TOKEN_MARK + DatabaseAdmin.checkedToken(token) + "'");
        }
    }

    @Override
    public java.util.Optional<String> provisionToken(String database) throws SQLException {
        try (Connection c = openMaintenance(); PreparedStatement ps = c.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                Matcher m = TOKEN.matcher(rs.next() && rs.getString(1) != null ? rs.getString(1) : "");
                return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
            }
        }
    }

    /** Takes the lock of {@link #lock} on {@code c} for its session if it is free; false when someone holds it. */
    public static boolean tryLock(Connection c, String database) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + DatabaseLock.key(database) + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static List<String[]> tableNames(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(TABLES_SQL)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    private Connection openMaintenance() throws SQLException {
        return Connections.open(sibling(MAINTENANCE_DB), TIMEOUT);
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The same URL naming another database: host, port, parameters kept. */
    static JdbcUrl withDatabase(JdbcUrl url, String database) {
        Matcher m = URL.matcher(DatabaseParameters.without(url.raw(), url.vendor()));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot derive another database's URL from " + url.masked());
        }
        String raw = m.group(1) + "/" + encodePath(database) + (m.group(3) == null ? "" : m.group(3));
        return new JdbcUrl(raw, url.vendor(), url.storage(), url.hosts(), url.unixSocket(), database, url.filePath(),
                url.parameters(), url.user(), url.password());
    }

    private static String encodePath(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
