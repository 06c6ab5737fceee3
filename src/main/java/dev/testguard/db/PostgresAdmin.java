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

    /**
     * What a dump must read and the connected role may not, each as {@code table s.t}, {@code sequence s.q} or
     * {@code schema s} (tables and sequences without SELECT, schemas without USAGE), in order.
     */
    public static List<String> unreadableByCurrentRole(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(UNREADABLE_SQL)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static final String UNREADABLE_SQL = "SELECT CASE WHEN c.oid IS NULL THEN 'schema ' || quote_ident(n.nspname)"
            + " ELSE CASE WHEN c.relkind = 'S' THEN 'sequence ' ELSE 'table ' END"
            + " || quote_ident(n.nspname) || '.' || quote_ident(c.relname) END"
            + " FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'm', 'S')"
            + " AND NOT (CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'SELECT')"
            + " ELSE has_table_privilege(c.oid, 'SELECT') END)"
            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND (c.oid IS NOT NULL OR NOT has_schema_privilege(n.oid, 'USAGE'))"
            + " ORDER BY c.oid IS NULL, c.relkind = 'S', 1";

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
