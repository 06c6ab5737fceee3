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
    public List<SafetyCopy> safetyCopies(String database) throws SQLException {
        try (Connection c = openServer()) {
            return safetyCopies(c, database);
        }
    }

    @Override
    public String dropStatement(String database) {
        return "DROP DATABASE " + quote(database) + ";";
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
        try (Connection c = openServer()) {
            return exactRowCounts(c, database);
        }
    }

    /** Exact row counts of {@code database}'s base tables over {@code c} (inside its snapshot, if it has one). */
    public static Map<String, Long> exactRowCounts(Connection c, String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(c, database)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + quote(database) + "." + quote(table))) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** A repeatable-read snapshot on {@code c}, taken now (as {@code mariadb-dump --single-transaction} takes its own). */
    public static void startConsistentSnapshot(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
        }
    }

    /** Ends the snapshot of {@link #startConsistentSnapshot}. */
    public static void endSnapshot(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        }
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
        try (Connection c = openServer()) {
            writeProvisionToken(c, database, token);
        }
    }

    /** {@link #writeProvisionToken(String, String)} over {@code c} (the connection that made the database). */
    public static void writeProvisionToken(Connection c, String database, String token) throws SQLException {
        createProvisionTokenTable(c, database);
        insertProvisionToken(c, database, token);
    }

    /**
     * The empty token table of {@code database}: a spare of a set (see MariadbPoolAdmin) holds one, so that its claim
     * writes the token with an INSERT inside its transaction. Without a row, no build owns the database.
     */
    public static void createProvisionTokenTable(Connection c, String database) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + quote(database) + "." + quote(TOKEN_TABLE) + " (token VARCHAR(64) NOT NULL)"
                    + " ENGINE = InnoDB COMMENT = 'testguard: proves which build provisioned this database. Do not edit.'");
        }
    }

    /** Writes {@code token} into the token table of {@code database} (which exists and is empty). */
    public static void insertProvisionToken(Connection c, String database, String token) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + quote(database) + "." + quote(TOKEN_TABLE) + " VALUES ('"
                    + DatabaseAdmin.checkedToken(token) + "')");
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

    // ---- restore without loss: the old tables move to a safety schema, and back if the restore fails ----

    /** The table in a safety schema that says whose it is and whether the restore that made it finished. */
    public static final String RESTORE_STATE_TABLE = "testguard_restore_state";
    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETE = "complete";

    /** Creates {@code schema} to hold {@code database}'s tables during a restore, marked in progress. */
    public static void createSafetySchema(Connection c, String schema, String database) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quote(schema) + " CHARACTER SET utf8mb4");
            st.execute("CREATE TABLE " + quote(schema) + "." + quote(RESTORE_STATE_TABLE)
                    + " (of_database VARCHAR(64) NOT NULL, state VARCHAR(16) NOT NULL, made_at BIGINT NULL)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote(schema) + "." + quote(RESTORE_STATE_TABLE)
                + " VALUES (?, ?, ?)")) {
            ps.setString(1, database);
            ps.setString(2, IN_PROGRESS);
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    public static void markSafetySchema(Connection c, String schema, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + quote(schema) + "." + quote(RESTORE_STATE_TABLE) + " SET state = ?")) {
            ps.setString(1, state);
            ps.executeUpdate();
        }
    }

    /** Safety schemas of restores into {@code database} that never finished. */
    public static List<String> unfinishedSafetySchemas(Connection c, String database) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA FROM information_schema.TABLES WHERE TABLE_NAME = ?")) {
            ps.setString(1, RESTORE_STATE_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String schema : candidates) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + quote(schema) + "." + quote(RESTORE_STATE_TABLE)
                    + " WHERE of_database = ? AND state = ?")) {
                ps.setString(1, database);
                ps.setString(2, IN_PROGRESS);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(schema);
                    }
                }
            }
        }
        return out;
    }

    private static final String SAFETY_COPIES_SQL = "SELECT s.SCHEMA_NAME,"
            + " (SELECT COALESCE(SUM(x.DATA_LENGTH + x.INDEX_LENGTH), 0) FROM information_schema.TABLES x WHERE x.TABLE_SCHEMA = s.SCHEMA_NAME),"
            + " (SELECT 1000 * UNIX_TIMESTAMP(t.CREATE_TIME) FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = s.SCHEMA_NAME"
            + " AND t.TABLE_NAME = '" + RESTORE_STATE_TABLE + "'),"
            + " (SELECT COUNT(*) FROM information_schema.COLUMNS k WHERE k.TABLE_SCHEMA = s.SCHEMA_NAME"
            + " AND k.TABLE_NAME = '" + RESTORE_STATE_TABLE + "' AND k.COLUMN_NAME = 'made_at')"
            + " FROM information_schema.SCHEMATA s WHERE LEFT(s.SCHEMA_NAME, CHAR_LENGTH(?)) = ? ORDER BY s.SCHEMA_NAME";

    /**
     * The schemas named {@code <database>_tgsafe_...}, each with its size and whether its {@value #RESTORE_STATE_TABLE}
     * marks it as the safety schema of a finished restore into {@code database} (unmarked ones are never dropped by retention).
     * When it was made: the marker's {@code made_at}, or (safety schemas of older versions) when the marker table was created.
     */
    public static List<SafetyCopy> safetyCopies(Connection c, String database) throws SQLException {
        String prefix = shortened(database, 40) + "_tgsafe_";
        List<SafetyCopy> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SAFETY_COPIES_SQL)) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    long created = rs.getLong(3);
                    boolean hasMarker = !rs.wasNull();
                    long made = hasMarker ? completeSince(c, name, database, rs.getInt(4) > 0, created) : -1;
                    out.add(new SafetyCopy(name, made >= 0, Math.max(made, 0), rs.getLong(2)));
                }
            }
        }
        return out;
    }

    /** When the restore into {@code database} that made {@code schema} started, if it finished; else -1. */
    private static long completeSince(Connection c, String schema, String database, boolean hasMadeAt, long created) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + (hasMadeAt ? "made_at" : "NULL") + " FROM " + quote(schema)
                + "." + quote(RESTORE_STATE_TABLE) + " WHERE of_database = ? AND state = ?")) {
            ps.setString(1, database);
            ps.setString(2, COMPLETE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                long made = rs.getLong(1);
                return rs.wasNull() ? created : made;
            }
        }
    }

    /** Moves {@code tables} from one schema to another in one atomic RENAME TABLE (constant time per table). */
    public static void moveTables(Connection c, String from, String to, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("RENAME TABLE ");
        for (int i = 0; i < tables.size(); i++) {
            String t = quote(tables.get(i));
            sql.append(i == 0 ? "" : ", ").append(quote(from)).append('.').append(t).append(" TO ").append(quote(to)).append('.').append(t);
        }
        try (Statement st = c.createStatement()) {
            st.execute(sql.toString());
        }
    }

    /** Drops every table and view of {@code database} (what a failed restore left), foreign keys notwithstanding. */
    public static void dropTablesAndViews(Connection c, String database) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    objects.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 0");
            try {
                for (String[] o : objects) {
                    st.execute("DROP " + ("VIEW".equals(o[1]) ? "VIEW" : "TABLE") + " IF EXISTS " + quote(database) + "." + quote(o[0]));
                }
            } finally {
                st.execute("SET SESSION foreign_key_checks = 1");
            }
        }
    }

    /** {@code name} cut to at most {@code max} characters, so that a suffix still fits MySQL's 64-character names. */
    public static String shortened(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }

    public static void dropTableIfExists(Connection c, String database, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + quote(database) + "." + quote(table));
        }
    }

    /** Metadata locks of other sessions make RENAME TABLE wait; by default for a year. */
    public static void limitLockWait(Connection c, int seconds) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION lock_wait_timeout = " + seconds);
        }
    }

    /** Moves everything from a safety schema back into {@code database} (emptied first) and drops the safety schema. */
    public static void putBack(Connection c, String safetySchema, String database) throws SQLException {
        dropTablesAndViews(c, database);
        List<String> tables = new ArrayList<>(tables(c, safetySchema));
        tables.remove(RESTORE_STATE_TABLE);
        moveTables(c, safetySchema, database, tables);
        try (Statement st = c.createStatement()) {
            st.execute("DROP DATABASE " + quote(safetySchema));
        }
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
