package dev.testguard.db;

import dev.testguard.jdbc.DatabaseParameters;
import dev.testguard.jdbc.JdbcUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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
        try (Connection c = openMaintenance()) {
            return exists(c, database);
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** From {@code template0}: a restore needs a database with nothing in it, not even what template1 holds. */
    @Override
    public void create(String database) throws SQLException {
        try (Connection c = openMaintenance()) {
            create(c, database);
        }
    }

    private static void create(Connection c, String database) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + quote(database) + " TEMPLATE template0");
        }
    }

    @Override
    public List<SafetyCopy> safetyCopies(String database) throws SQLException {
        try (Connection c = openMaintenance()) {
            return safetyCopies(c, database);
        }
    }

    @Override
    public String dropStatement(String database) {
        return "DROP DATABASE " + quote(database) + ";";
    }

    @Override
    public void drop(String database) throws SQLException {
        try (Connection c = openMaintenance()) {
            drop(c, database);
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
        return exactRowCounts(c, Map.of());
    }

    /** As {@link #exactRowCounts(Connection)}, taking the counts of the tables in {@code known} as they are. */
    public static Map<String, Long> exactRowCounts(Connection c, Map<String, Long> known) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String[] t : tableNames(c)) {
            String table = t[0] + "." + t[1];
            counts.put(table, known.containsKey(table) ? known.get(table) : exactRowCount(c, t[0], t[1]));
        }
        return counts;
    }

    /** {@code count(*)} of one table (with its inheritance children, as {@link #exactRowCounts(Connection)} counts). */
    public static long exactRowCount(Connection c, String schema, String table) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(schema) + "." + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The one user table, as {@code {schema, table}}, named {@code name} (a bare name, or {@code schema.table} when
     * {@code qualified}) whose rows only its own data load writes: not a partition, no inheritance children. Null when
     * there is none or more than one (a restore then counts it after everything is loaded).
     */
    public static String[] tableLoadedAlone(Connection c, String name, boolean qualified) throws SQLException {
        String sql = "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'r' AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = c.oid OR i.inhrelid = c.oid)"
                + (qualified ? " AND n.nspname || '.' || c.relname = ?" : " AND c.relname = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                String[] found = rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                return rs.next() ? null : found;
            }
        }
    }

    /** How many tables {@link #exactRowCounts(Connection)} counts over {@code c}. */
    public static int tableCount(Connection c) throws SQLException {
        return tableNames(c).size();
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
        return lockOn(openMaintenance(), database, wait);
    }

    /** One connection for all of it: opened before {@code turn}, then lock, existence and CREATE DATABASE over it. */
    @Override
    public Locked lockThenCreateIfMissing(String database, Duration wait, Turn turn, boolean createIfMissing) throws SQLException {
        Connection c = openMaintenance();
        try {
            turn.await();
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        DatabaseLock lock = lockOn(c, database, wait);
        try {
            boolean existed = exists(c, database);
            if (!existed && createIfMissing) {
                create(c, database);
            }
            return new Locked(lock, existed, !existed && createIfMissing);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Takes the lock on {@code c}, which then holds it; {@code c} is closed when the lock is not taken. */
    private static DatabaseLock lockOn(Connection c, String database, Duration wait) throws SQLException {
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

    /** A connection to the maintenance database, for server-wide statements. */
    public Connection openMaintenance() throws SQLException {
        return Connections.open(sibling(MAINTENANCE_DB), TIMEOUT);
    }

    // ---- the pool of ready copies of a baseline that provision hands out (dev.testguard.provision.SparePool) ----

    /** First line of a pool spare's comment: the template's oid and an md5 of its comment (the baseline info) follow. */
    public static final String SPARE_MARKER = "testguard-pool-spare:";
    private static final String CURRENT_MARKER = "(SELECT '" + SPARE_MARKER + "' || oid || ':'"
            + " || md5(coalesce(shobj_description(oid, 'pg_database'), '')) FROM pg_database WHERE datname = ?)";
    /** A spare that is gone (another run claimed it), in use, whose new name is taken, or a deadlock: simply not claimed. */
    private static final List<String> NOT_CLAIMED = List.of("3D000", "55006", "42P04", "40P01");

    /** The comment text of a provision token; {@link #provisionToken} finds it anywhere in the comment. */
    public static String tokenText(String token) {
        return TOKEN_MARK + DatabaseAdmin.checkedToken(token);
    }

    /** The marker a spare of {@code template} must carry now (null when there is no such template): it changes with the baseline. */
    public static String spareMarker(Connection m, String template) throws SQLException {
        return scalar(m, "SELECT " + CURRENT_MARKER, template);
    }

    /**
     * In one transaction, for each name of {@code comments} in turn: the next of {@code spares} that is a current spare of
     * {@code template} (the first line of its comment is the current marker) becomes that name and gets its comment
     * (the provision token and stamp). Returns the names that got a spare, each with the spare it was. A spare that is gone, in use or stale, or a
     * name that is taken, is skipped (its savepoint rolled back). Claims of one spare take turns on its catalog lock: one
     * transaction wins, the others find it gone. The commit does not wait for the WAL flush: a claim a server crash
     * loses leaves the spare a spare, and the database release finds gone.
     */
    public static Map<String, String> claimSpares(Connection m, List<String> spares, Map<String, String> comments, String template)
            throws SQLException {
        Map<String, String> claimed = new java.util.LinkedHashMap<>();
        java.util.Deque<String> free = new java.util.ArrayDeque<>(spares);
        boolean auto = m.getAutoCommit();
        m.setAutoCommit(false);
        try (Statement st = m.createStatement()) {
            st.execute("SET LOCAL synchronous_commit = off");
            for (Map.Entry<String, String> wanted : comments.entrySet()) {
                while (!free.isEmpty() && !claimed.containsKey(wanted.getKey())) {
                    java.sql.Savepoint savepoint = m.setSavepoint();
                    String spare = free.poll();
                    if (claimOne(m, spare, wanted.getKey(), template, wanted.getValue())) {
                        m.releaseSavepoint(savepoint);
                        claimed.put(wanted.getKey(), spare);
                    } else {
                        m.rollback(savepoint);
                    }
                }
            }
            m.commit();
            return claimed;
        } catch (SQLException | RuntimeException | Error e) {
            Transactions.rollbackAfter(m, e);
            throw e;
        } finally {
            m.setAutoCommit(auto);
        }
    }

    private static boolean claimOne(Connection m, String spare, String name, String template, String comment) throws SQLException {
        try (Statement st = m.createStatement();
             PreparedStatement ps = m.prepareStatement("SELECT split_part(shobj_description(oid, 'pg_database'), E'\\n', 1) = "
                     + CURRENT_MARKER + " FROM pg_database WHERE datname = ?")) {
            st.execute("ALTER DATABASE " + quote(spare) + " RENAME TO " + quote(name));
            ps.setString(1, template);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
            st.execute("COMMENT ON DATABASE " + quote(name) + " IS " + literal(m, comment));
            return true;
        } catch (SQLException e) {
            if (NOT_CLAIMED.contains(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Creates {@code name} as a copy of {@code template}; FILE_COPY (15+) copies files instead of writing every page to the WAL. */
    /** A copy of {@code template} owned by {@code owner}, or by the connected role when it is null. */
    public static void createCopy(Connection m, String name, String template, String owner) throws SQLException {
        String strategy = m.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY = FILE_COPY" : "";
        try (Statement st = m.createStatement()) {
            st.execute("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template)
                    + (owner == null ? "" : " OWNER " + quote(owner)) + strategy);
        }
    }

    public static void comment(Connection m, String database, String comment) throws SQLException {
        try (Statement st = m.createStatement()) {
            st.execute("COMMENT ON DATABASE " + quote(database) + " IS " + literal(m, comment));
        }
    }

    /** The comment of each of {@code names} that exists (null for one without a comment). */
    public static Map<String, String> comments(Connection m, List<String> names) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = m.prepareStatement("SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                + " WHERE datname = ANY (?)")) {
            ps.setArray(1, m.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Drops {@code database} over {@code m}, other sessions ended first. */
    public static void drop(Connection m, String database) throws SQLException {
        terminateSessions(m, database);
        try (Statement st = m.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(database)
                    + (m.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : ""));
        }
    }

    // ---- restore without loss: a swap of databases where the role may create them, schemas set aside where not ----

    /** Marks a database being restored into: it is never the live one, and an interrupted run's leftover is dropped. */
    public static final String RESTORE_MARKER = "testguard-restore-in-progress-of:";
    /** Marks a schema set aside by an in-place restore; the original name follows. */
    public static final String SET_ASIDE_MARKER = "testguard-set-aside:";

    /** Whether the connected role may rename {@code database} and create its replacement owned by the same owner. */
    public static boolean mayCreateAndRename(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (r.rolsuper OR r.rolcreatedb) AND pg_has_role(current_user, d.datdba, 'MEMBER')"
                + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The owner of {@code database}. */
    public static String databaseOwner(Connection c, String database) throws SQLException {
        return scalar(c, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", database);
    }

    public static boolean isSuperuser(Connection c) throws SQLException {
        return "on".equals(scalar(c, "SELECT current_setting('is_superuser')", null));
    }

    /** Whether the connected role is {@code role} itself. */
    public static boolean isCurrentUser(Connection c, String role) throws SQLException {
        return role.equals(scalar(c, "SELECT current_user", null));
    }

    /** An empty database like {@code like}: same owner, encoding and collation, marked as a restore in progress. */
    public static void createLike(Connection m, String name, String like) throws SQLException {
        String sql;
        try (PreparedStatement ps = m.prepareStatement("SELECT quote_ident(pg_get_userbyid(datdba)), pg_encoding_to_char(encoding),"
                + " quote_literal(datcollate), quote_literal(datctype) FROM pg_database WHERE datname = ?")) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("database " + like + " does not exist");
                }
                sql = "CREATE DATABASE " + quote(name) + " TEMPLATE template0 OWNER " + rs.getString(1) + " ENCODING '"
                        + rs.getString(2) + "' LC_COLLATE " + rs.getString(3) + " LC_CTYPE " + rs.getString(4);
            }
        }
        try (Statement st = m.createStatement()) {
            st.execute(sql);
            st.execute("COMMENT ON DATABASE " + quote(name) + " IS " + literal(m, RESTORE_MARKER + like));
        }
    }

    /** Databases left by interrupted restores into {@code database}: they were never swapped in. */
    public static List<String> interruptedRestoreCopies(Connection m, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = m.prepareStatement("SELECT datname FROM pg_database WHERE shobj_description(oid, 'pg_database') = ?")) {
            ps.setString(1, RESTORE_MARKER + database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * In one transaction: {@code database} becomes {@code safetyName} and {@code replacement} becomes {@code database},
     * which gets the old one's comment (the stamp), database-level grants and settings. Constant time; all or nothing.
     * Returns the oid of the database now named {@code safetyName}.
     */
    public static long swapIn(Connection m, String database, String replacement, String safetyName) throws SQLException {
        terminateSessions(m, database);
        terminateSessions(m, replacement);
        long oid = Long.parseLong(scalar(m, "SELECT oid::text FROM pg_database WHERE datname = ?", database));
        String comment = scalar(m, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?", database);
        List<String> copies = grantsAndSettings(m, database);
        boolean auto = m.getAutoCommit();
        m.setAutoCommit(false);
        try (Statement st = m.createStatement()) {
            st.execute("ALTER DATABASE " + quote(database) + " RENAME TO " + quote(safetyName));
            st.execute("ALTER DATABASE " + quote(replacement) + " RENAME TO " + quote(database));
            st.execute("COMMENT ON DATABASE " + quote(database) + " IS " + (comment == null ? "NULL" : literal(m, comment)));
            markSafetyCopy(m, st, safetyName, database);
            for (String sql : copies) {
                st.execute(sql);
            }
            m.commit();
            return oid;
        } catch (SQLException | RuntimeException | Error e) {
            Transactions.rollbackAfter(m, e);
            throw e;
        } finally {
            m.setAutoCommit(auto);
        }
    }

    /**
     * Sets the {@value #SAFETY_SETTING} marker on a copy just renamed aside. A role that may not set a custom parameter
     * (PostgreSQL 15 asks for superuser or {@code GRANT SET ON PARAMETER}) leaves it unset, and the swap goes on: the
     * restore also records the copy (name and oid) in the backup store, a marker every role can write.
     */
    private static void markSafetyCopy(Connection m, Statement st, String safetyName, String database) throws SQLException {
        Savepoint beforeMarking = m.setSavepoint();
        try {
            st.execute("ALTER DATABASE " + quote(safetyName) + " SET " + SAFETY_SETTING + " = "
                    + literal(m, System.currentTimeMillis() + ":" + database));
            m.releaseSavepoint(beforeMarking);
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            m.rollback(beforeMarking);
        }
    }

    /**
     * The databases named {@code <database>_tgsafe_...}, each with its size and whether a swap marked it as a safety copy
     * of {@code database} (the {@value #SAFETY_SETTING} setting; unmarked ones are never dropped by retention).
     */
    public static List<SafetyCopy> safetyCopies(Connection m, String database) throws SQLException {
        String prefix = shortened(database, 40) + "_tgsafe_";
        List<SafetyCopy> out = new ArrayList<>();
        try (PreparedStatement ps = m.prepareStatement("SELECT d.datname, (SELECT substr(c, strpos(c, '=') + 1)"
                + " FROM pg_db_role_setting s, unnest(s.setconfig) c WHERE s.setdatabase = d.oid AND s.setrole = 0"
                + " AND split_part(c, '=', 1) = ?), CASE WHEN has_database_privilege(d.oid, 'CONNECT')"
                + " THEN pg_database_size(d.oid) ELSE -1 END, d.oid FROM pg_database d WHERE left(d.datname, length(?)) = ?"
                + " ORDER BY 1")) {
            ps.setString(1, SAFETY_SETTING);
            ps.setString(2, prefix);
            ps.setString(3, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(safetyCopy(rs.getString(1), database, rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    /**
     * Marks a database a swap renamed aside as testguard's safety copy: a database-level setting {@code <epoch ms>:<database>}
     * (the comment, which holds the stamp, and the content stay exactly as they were). Never copied to a replacement.
     */
    public static final String SAFETY_SETTING = "testguard.safety_copy_of";

    private static SafetyCopy safetyCopy(String name, String database, String marker, long bytes, long oid) {
        int colon = marker == null ? -1 : marker.indexOf(':');
        if (colon < 0 || !marker.substring(colon + 1).equals(database)) {
            return new SafetyCopy(name, false, 0, bytes, oid);
        }
        try {
            return new SafetyCopy(name, true, Long.parseLong(marker.substring(0, colon)), bytes, oid);
        } catch (NumberFormatException e) {
            return new SafetyCopy(name, false, 0, bytes, oid);
        }
    }

    /** The statements that give a replacement named like {@code database} the same database-level grants and settings. */
    private static List<String> grantsAndSettings(Connection m, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        String target = quote(database);
        if (scalar(m, "SELECT datacl::text FROM pg_database WHERE datname = ?", database) != null) {
            out.add("REVOKE ALL ON DATABASE " + target + " FROM PUBLIC");
            try (PreparedStatement ps = m.prepareStatement("SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
                    + " ELSE quote_ident(pg_get_userbyid(a.grantee)) END, a.is_grantable FROM pg_database d, aclexplode(d.datacl) a"
                    + " WHERE d.datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add("GRANT " + rs.getString(1) + " ON DATABASE " + target + " TO " + rs.getString(2)
                                + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
                    }
                }
            }
        }
        try (PreparedStatement ps = m.prepareStatement("SELECT split_part(c, '=', 1), quote_literal(substr(c, strpos(c, '=') + 1))"
                + " FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) c"
                + " WHERE d.datname = ? AND s.setrole = 0 AND split_part(c, '=', 1) <> ?")) {
            ps.setString(1, database);
            ps.setString(2, SAFETY_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("ALTER DATABASE " + target + " SET " + quote(rs.getString(1)) + " = " + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Ends every other session on {@code database}: a rename or drop needs it to be unused. */
    public static void terminateSessions(Connection m, String database) throws SQLException {
        try (PreparedStatement ps = m.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            ps.executeQuery().close();
        }
    }

    /** User schemas of the connection's database (not the catalogs, not schemas set aside by a restore). */
    public static List<String> userSchemas(Connection c) throws SQLException {
        return strings(c, "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast')"
                + " AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'"
                + " AND coalesce(obj_description(oid, 'pg_namespace'), '') NOT LIKE '" + SET_ASIDE_MARKER + "%' ORDER BY nspname");
    }

    /** Schemas set aside by a restore, set-aside name to original name. */
    public static Map<String, String> setAsideSchemas(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nspname, obj_description(oid, 'pg_namespace')"
                + " FROM pg_namespace WHERE obj_description(oid, 'pg_namespace') LIKE '" + SET_ASIDE_MARKER + "%'")) {
            while (rs.next()) {
                String marker = rs.getString(2).substring(SET_ASIDE_MARKER.length());
                out.put(rs.getString(1), marker.split("\n", 2)[0]);
            }
        }
        return out;
    }

    /**
     * Renames each of {@code schemas} aside (constant time) inside the caller's transaction, keeping its original name and
     * comment in the marker. With {@code recreatePublic}, an empty {@code public} schema as PostgreSQL 15 creates it takes its place.
     */
    public static Map<String, String> setSchemasAside(Connection c, List<String> schemas, String token, boolean recreatePublic)
            throws SQLException {
        Map<String, String> aside = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (String schema : schemas) {
                String comment = scalar(c, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?", schema);
                String name = shortened(schema, 40) + "_tgsafe_" + token;
                st.execute("ALTER SCHEMA " + quote(schema) + " RENAME TO " + quote(name));
                st.execute("COMMENT ON SCHEMA " + quote(name) + " IS " + literal(c, SET_ASIDE_MARKER + schema
                        + (comment == null ? "" : "\n" + comment)));
                aside.put(name, schema);
            }
            if (recreatePublic && schemas.contains("public")) {
                st.execute("CREATE SCHEMA public AUTHORIZATION pg_database_owner");
                st.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
                st.execute("GRANT USAGE ON SCHEMA public TO PUBLIC");
            }
        }
        return aside;
    }

    /** Inside the caller's transaction: drops every user schema, then gives the set-aside ones their names and comments back. */
    public static void putSchemasBack(Connection c) throws SQLException {
        Map<String, String> aside = setAsideSchemas(c);
        dropSchemas(c, userSchemas(c));
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, String> e : aside.entrySet()) {
                String marker = scalar(c, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?", e.getKey());
                String[] parts = marker.substring(SET_ASIDE_MARKER.length()).split("\n", 2);
                st.execute("ALTER SCHEMA " + quote(e.getKey()) + " RENAME TO " + quote(e.getValue()));
                st.execute("COMMENT ON SCHEMA " + quote(e.getValue()) + " IS " + (parts.length > 1 ? literal(c, parts[1]) : "NULL"));
            }
        }
    }

    /** Drops {@code schemas} with everything in them, inside the caller's transaction. */
    public static void dropSchemas(Connection c, java.util.Collection<String> schemas) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String schema : schemas) {
                st.execute("DROP SCHEMA " + quote(schema) + " CASCADE");
            }
        }
    }

    /** {@code name} cut to at most {@code max} characters, so that a suffix still fits PostgreSQL's 63-byte names. */
    public static String shortened(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }

    private static String literal(Connection c, String text) throws SQLException {
        return scalar(c, "SELECT quote_literal(?)", text);
    }

    private static String scalar(Connection c, String sql, String param) throws SQLException {
        return param == null ? Queries.firstValue(c, sql) : Queries.firstValue(c, sql, param);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
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
