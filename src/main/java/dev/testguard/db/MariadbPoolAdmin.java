package dev.testguard.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of MariaDB's pool of ready copies of a baseline (dev.testguard.provision.SparePool). MariaDB has no
 * RENAME DATABASE; a spare {@code <database>__tgspare_<k>} holds the baseline's tables and a one-row marker table, and is
 * handed over by creating the target database and moving every table in one {@code RENAME TABLE} (atomic: all or none,
 * constant time per table). Views and triggers cannot move to another database (MariaDB refuses a table with triggers:
 * "Trigger in wrong schema"): spares hold none, and the claim recreates them from the baseline.
 */
public final class MariadbPoolAdmin {

    /** The table of a MariaDB baseline ({@code <database>__tgbase}) that holds its info. */
    public static final String BASELINE_INFO_TABLE = "testguard_baseline";
    /** The marker table of a spare: one row, {@value #SPARE_MARKER} and an MD5 of the baseline info it copies. */
    public static final String MARKER_TABLE = "testguard_pool_spare";
    public static final String SPARE_MARKER = "testguard-pool-spare:";
    /** No such table (1146) or database (1049): another claim, a release or a refill took or dropped it meanwhile. */
    private static final List<Integer> GONE = List.of(1146, 1049);
    /** A table move that found the spare {@link #GONE} or a table of that name in the target (1050): not claimed. */
    private static final List<Integer> NOT_CLAIMED = with(GONE, 1050);

    private MariadbPoolAdmin() {
    }

    /** The marker a spare of {@code base} must carry now (a new baseline changes it), or null when there is no baseline. */
    public static String currentMarker(Connection c, String base) throws SQLException {
        try {
            return scalar(c, "SELECT CONCAT(?, MD5(info)) FROM " + q(base) + "." + q(BASELINE_INFO_TABLE), SPARE_MARKER);
        } catch (SQLException e) {
            if (GONE.contains(e.getErrorCode())) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Each of {@code names} that exists, with its marker (null for a database without one: not a spare). Three queries
     * whatever the number of names: which exist, which hold a marker table, and every marker at once.
     */
    public static Map<String, String> markers(Connection c, List<String> names) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        if (names.isEmpty()) {
            return out;
        }
        for (String name : strings(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN ("
                + placeholders(names.size()) + ")", names)) {
            out.put(name, null);
        }
        List<String> marked = out.isEmpty() ? List.of() : strings(c, "SELECT TABLE_SCHEMA FROM information_schema.TABLES"
                + " WHERE TABLE_NAME = '" + MARKER_TABLE + "' AND TABLE_SCHEMA IN (" + placeholders(out.size()) + ")",
                new ArrayList<>(out.keySet()));
        if (marked.isEmpty()) {
            return out;
        }
        // one that another claim took meanwhile keeps its null: not a spare to claim
        readEachPresent(c, marked, "MAX(marker)", MARKER_TABLE, rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    /**
     * What in {@code base} neither a table move carries nor the claim recreates (stored routines, events, sequences):
     * with any, no spare is made and provision copies the baseline.
     */
    public static List<String> unmovable(Connection c, String base) throws SQLException {
        List<String> out = new ArrayList<>();
        String sql = "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                + " UNION ALL SELECT CONCAT('EVENT ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
                + " UNION ALL SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_TYPE NOT IN ('BASE TABLE', 'SYSTEM VERSIONED', 'VIEW')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, base);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Creates {@code name} (fails when it exists) with the character set and collation of {@code like}. */
    public static void createLike(Connection c, String name, String like) throws SQLException {
        execute(c, "CREATE DATABASE " + q(name) + charsetOf(c, like));
    }

    /** The character set and collation of {@code database} as a CREATE DATABASE clause ("" when it does not exist). */
    public static String charsetOf(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2) : "";
            }
        }
    }

    /** Marks a filled spare; it goes last, so a copy cut short (a killed build) is never handed out. */
    public static void mark(Connection c, String spare, String marker) throws SQLException {
        execute(c, "CREATE TABLE " + q(spare) + "." + q(MARKER_TABLE) + " (marker VARCHAR(255) NOT NULL)"
                + " COMMENT = 'testguard: a ready copy of a baseline that provision hands out. Do not edit.'");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(spare) + "." + q(MARKER_TABLE) + " VALUES (?)")) {
            ps.setString(1, marker);
            ps.executeUpdate();
        }
    }

    /**
     * Creates {@code target} ({@code charset}: the baseline's, from {@link #charsetOf}) and moves every table of
     * {@code spare} into it in one RENAME TABLE, then drops the emptied spare. True when {@code target} now holds a spare
     * of the current baseline (its marker table dropped); false when the spare was gone (another claim took it), stale,
     * or {@code target} exists: a database this call created is then dropped again.
     */
    public static boolean moveSpare(Connection c, String spare, String target, String base, String charset)
            throws SQLException {
        List<String> tables = MysqlAdmin.tables(c, spare);
        if (!tables.contains(MARKER_TABLE)) {
            return false;
        }
        try {
            execute(c, "CREATE DATABASE " + q(target) + charset);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1007) {
                return false; // the name is taken: never ours
            }
            throw e;
        }
        return move(c, spare, tables, target, base, () -> drop(c, target));
    }

    /**
     * {@link #moveSpare} into {@code target}, which exists and is empty (a reset emptied it under its lock). When no
     * current spare arrives, {@code target} is left empty again.
     */
    public static boolean moveSpareInto(Connection c, String spare, String target, String base) throws SQLException {
        List<String> tables = MysqlAdmin.tables(c, spare);
        return tables.contains(MARKER_TABLE)
                && move(c, spare, tables, target, base, () -> MysqlAdmin.dropTablesAndViews(c, target));
    }

    private interface Undo {
        void run() throws SQLException;
    }

    /** Moves {@code tables} (read just before, the marker table among them) from {@code spare} into {@code target}. */
    private static boolean move(Connection c, String spare, List<String> tables, String target, String base, Undo undo)
            throws SQLException {
        try {
            MysqlAdmin.moveTables(c, spare, target, tables);
        } catch (SQLException e) {
            undo.run();
            if (NOT_CLAIMED.contains(e.getErrorCode())) {
                return false; // another claim moved them first
            }
            throw e;
        }
        boolean current;
        try {
            dropIfEmpty(c, spare);
            current = carriesCurrentMarker(c, target, base);
            if (current) {
                execute(c, "DROP TABLE " + q(target) + "." + q(MARKER_TABLE));
            }
        } catch (SQLException e) {
            try {
                undo.run(); // a claim cut short by an error leaves no half-made target
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        if (!current) {
            undo.run(); // a new baseline was saved meanwhile: a stale copy
        }
        return current;
    }

    /** Whether the marker moved into {@code target} is the one a spare of {@code base} must carry now (one query). */
    private static boolean carriesCurrentMarker(Connection c, String target, String base) throws SQLException {
        try {
            return "1".equals(scalar(c, "SELECT (SELECT MAX(marker) FROM " + q(target) + "." + q(MARKER_TABLE) + ")"
                    + " = (SELECT CONCAT(?, MD5(info)) FROM " + q(base) + "." + q(BASELINE_INFO_TABLE) + ")", SPARE_MARKER));
        } catch (SQLException e) {
            if (GONE.contains(e.getErrorCode())) {
                return false; // the baseline is gone
            }
            throw e;
        }
    }

    // ---- sets of spares whose names already have the provisioned shape: a claim moves no table ----

    /** The marker table of a spare of a set: one row, its baseline, the set's size, its place, and its state. */
    public static final String SET_TABLE = "testguard_pool_set";
    /** The state of a set being filled (under the baseline's lock: found without that lock held, a killed refill's). */
    public static final String SET_FILLING = "testguard-pool-filling";
    /** The state of a claimed set: a provisioned database now, which release (with its token) drops. */
    public static final String SET_CLAIMED = "testguard-pool-claimed";
    /** The state of a set that dropSpares or a refill is dropping. */
    private static final String SET_DROPPING = "testguard-pool-dropping";
    /**
     * A claim of a set that found a spare {@link #GONE}, or another claim holding the set's rows (1213 deadlock victim,
     * 1205 lock wait timeout): not claimed. Not one list with {@link #NOT_CLAIMED}: a lock wait read as "gone" would make
     * {@link #currentMarker} report no baseline.
     */
    private static final List<Integer> SET_NOT_CLAIMED = with(GONE, 1213, 1205);

    /** A spare of a set as its marker row says: {@code member} of {@code members}, holding a copy of {@code baseline}'s. */
    public record SetMember(String database, String baseline, int members, int member, String marker) {
    }

    /**
     * Every spare of a set on the server named {@code <prefix>...}, in name order: its marker row. A database without the marker table
     * is no spare of a set. Two queries; when a spare went away between them (claimed and released, or dropped as stale),
     * the rest are read one by one, so that other builds' churn never fails the read.
     */
    public static List<SetMember> setMembers(Connection c, String prefix) throws SQLException {
        List<String> marked = strings(c, "SELECT TABLE_SCHEMA FROM information_schema.TABLES WHERE TABLE_NAME = '" + SET_TABLE
                + "' AND TABLE_SCHEMA LIKE CONCAT(?, '%') ORDER BY TABLE_SCHEMA", List.of(likePrefix(prefix)));
        List<SetMember> out = new ArrayList<>();
        if (!marked.isEmpty()) {
            readEachPresent(c, marked, "baseline, members, member, marker", SET_TABLE,
                    rs -> out.add(new SetMember(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5))));
        }
        return out;
    }

    /** {@code prefix} for LIKE: its {@code \\}, {@code %} and {@code _} taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * {@link #readEach}; when a spare went away meanwhile ({@link #GONE}: claimed, released or dropped as stale by another
     * build), the rest one by one, leaving out those gone, so that other builds' churn never fails the read. MariaDB opens
     * every table of the query before it sends a row, so a query that fails this way has delivered none.
     */
    private static void readEachPresent(Connection c, List<String> spares, String columns, String table, SpareRow row)
            throws SQLException {
        try {
            readEach(c, spares, columns, table, row);
            return;
        } catch (SQLException e) {
            if (!GONE.contains(e.getErrorCode())) {
                throw e;
            }
        }
        for (String spare : spares) {
            try {
                readEach(c, List.of(spare), columns, table, row);
            } catch (SQLException e) {
                if (!GONE.contains(e.getErrorCode())) {
                    throw e;
                }
            }
        }
    }

    /** A row of {@link #readEach}: the spare's name, then the columns asked for. */
    @FunctionalInterface
    private interface SpareRow {
        void read(ResultSet rs) throws SQLException;
    }

    /** {@code columns} of {@code table} in each of {@code spares}, in one query (UNION ALL): each row to {@code row}. */
    private static void readEach(Connection c, List<String> spares, String columns, String table, SpareRow row)
            throws SQLException {
        List<String> selects = new ArrayList<>();
        for (String spare : spares) {
            selects.add("SELECT ?, " + columns + " FROM " + q(spare) + "." + q(table));
        }
        try (PreparedStatement ps = c.prepareStatement(String.join(" UNION ALL ", selects))) {
            for (int i = 0; i < spares.size(); i++) {
                ps.setString(i + 1, spares.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    /**
     * Starts spare {@code member} of a set of {@code members}: creates {@code database} like {@code base} (fails when it
     * exists) with its marker row in state {@link #SET_FILLING}, the empty token table, and nothing else yet.
     */
    public static void startSetMember(Connection c, String database, String base, String baseline, int members, int member)
            throws SQLException {
        createLike(c, database, base);
        execute(c, "CREATE TABLE " + q(database) + "." + q(SET_TABLE) + " (baseline VARCHAR(64) NOT NULL, members INT NOT NULL,"
                + " member INT NOT NULL, marker VARCHAR(255) NOT NULL) ENGINE = InnoDB"
                + " COMMENT = 'testguard: a ready copy of a baseline that provision hands out. Do not edit.'");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(database) + "." + q(SET_TABLE) + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, baseline);
            ps.setInt(2, members);
            ps.setInt(3, member);
            ps.setString(4, SET_FILLING);
            ps.executeUpdate();
        }
        MysqlAdmin.createProvisionTokenTable(c, database);
    }

    /** Marks every spare of a filled set ready at once ({@code marker}: {@link #currentMarker}); false when one is missing. */
    public static boolean markSetReady(Connection c, List<String> set, String marker) throws SQLException {
        return changeSet(c, set, SET_FILLING, marker) == set.size();
    }

    /**
     * One UPDATE of the marker rows of every spare of {@code set} from {@code from} to {@code to}: all or none change, and
     * of claims at once only one finds them all at {@code from}. The rows it changed (0 or the set's size).
     */
    private static int changeSet(Connection c, List<String> set, String from, String to) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        List<String> wheres = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            tables.add(q(set.get(i)) + "." + q(SET_TABLE) + " AS m" + i);
            sets.add("m" + i + ".marker = ?");
            wheres.add("m" + i + ".marker = ?");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + String.join(", ", tables) + " SET " + String.join(", ", sets)
                + " WHERE " + String.join(" AND ", wheres))) {
            for (int i = 0; i < set.size(); i++) {
                ps.setString(i + 1, to);
                ps.setString(set.size() + i + 1, from);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * Claims {@code set} whole in one transaction over {@code c}: re-reads the current baseline (holding its row, so a new
     * baseline waits), changes every marker from that baseline's to {@link #SET_CLAIMED} in one UPDATE only one claim
     * wins, writes each spare's token ({@code tokens}, in the set's order) and {@code stamp} (by {@code stamper}, DML
     * only), runs {@code beforeCommit}, and commits: one durable write, no table moved. False, with nothing changed, when the set is not a ready
     * spare of the current baseline any more (another claim took it, a new baseline); any failure rolls all back.
     */
    public static boolean claimSet(Connection c, List<String> set, String base, List<String> tokens, Stamper stamper,
                                   BeforeCommit beforeCommit) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            String marker = scalar(c, "SELECT CONCAT(?, MD5(info)) FROM " + q(base) + "." + q(BASELINE_INFO_TABLE)
                    + " LOCK IN SHARE MODE", SPARE_MARKER);
            if (marker == null || changeSet(c, set, marker, SET_CLAIMED) != set.size()) {
                c.rollback();
                return false;
            }
            for (int i = 0; i < set.size(); i++) {
                MysqlAdmin.insertProvisionToken(c, set.get(i), tokens.get(i));
                c.setCatalog(set.get(i));
                stamper.stamp(c);
            }
            beforeCommit.run();
            c.commit();
            return true;
        } catch (SQLException e) {
            Transactions.rollbackAfter(c, e);
            if (SET_NOT_CLAIMED.contains(e.getErrorCode())) {
                return false;
            }
            throw e;
        } catch (RuntimeException | Error e) {
            Transactions.rollbackAfter(c, e);
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** What must be done before a claim commits (its failure rolls the claim back): the build records the set. */
    public interface BeforeCommit {
        void run() throws SQLException;
    }

    /** Writes a stamp into the database {@code c} is on, inside the caller's transaction. */
    public interface Stamper {
        void stamp(Connection c) throws SQLException;
    }

    /**
     * Drops spare {@code database} of a set when its marker row still says spare (of any baseline) or filling: first
     * changed to dropping in one UPDATE, so a claim at the same time either wins it (and it is kept) or finds it gone.
     * A claimed one is never dropped here (release drops it, with its token). True when dropped.
     */
    public static boolean dropSetMember(Connection c, String database) throws SQLException {
        int changed;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + q(database) + "." + q(SET_TABLE) + " SET marker = ?"
                + " WHERE marker LIKE CONCAT(?, '%') OR marker = ? OR marker = ?")) {
            ps.setString(1, SET_DROPPING);
            ps.setString(2, SPARE_MARKER);
            ps.setString(3, SET_FILLING);
            ps.setString(4, SET_DROPPING);
            changed = ps.executeUpdate();
        } catch (SQLException e) {
            if (GONE.contains(e.getErrorCode())) {
                return false;
            }
            throw e;
        }
        if (changed > 0) {
            drop(c, database);
        }
        return changed > 0;
    }

    /** Whether {@code database} holds no table, view, routine or event (triggers belong to tables). */
    public static boolean isEmpty(Connection c, String database) throws SQLException {
        return !hasTable(c, database, null)
                && scalar(c, "SELECT MIN(ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
                        database) == null
                && scalar(c, "SELECT MIN(EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
                        database) == null;
    }

    /** Drops {@code database} when nothing is left in it (a claimed spare; never one someone filled meanwhile). */
    private static void dropIfEmpty(Connection c, String database) throws SQLException {
        if (!hasTable(c, database, null)) {
            execute(c, "DROP DATABASE IF EXISTS " + q(database));
        }
    }

    /** Drops {@code database} over {@code c}: a spare (nobody connects to one), or a target a failed claim created. */
    public static void drop(Connection c, String database) throws SQLException {
        execute(c, "DROP DATABASE IF EXISTS " + q(database));
    }

    private static boolean schemaExists(Connection c, String name) throws SQLException {
        return scalar(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", name) != null;
    }

    /** Whether {@code database} holds {@code table} (null: any table or view). */
    private static boolean hasTable(Connection c, String database, String table) throws SQLException {
        return table == null
                ? scalar(c, "SELECT MIN(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", database) != null
                : scalar(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
                        database, table) != null;
    }

    private static List<String> strings(Connection c, String sql, List<String> args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<Integer> with(List<Integer> codes, Integer... more) {
        List<Integer> out = new ArrayList<>(codes);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String scalar(Connection c, String sql, String... args) throws SQLException {
        return Queries.firstValue(c, sql, args);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String q(String identifier) {
        return MysqlAdmin.quote(identifier);
    }
}
