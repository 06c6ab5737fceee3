package dev.testguard.probe;

import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimated total rows over a database's user tables, from catalog statistics: cheap on any size of database.
 * The stamp's own marker table never counts.
 */
public final class RowEstimates {

    /**
     * PostgreSQL: {@code reltuples} is the planner's estimate, refreshed by ANALYZE and autovacuum. It is -1 for a
     * table never vacuumed or analyzed (PG 14+), which is what a copy restored by pg_restore looks like at first:
     * then take {@code n_live_tup} (the statistics system's running count, which the restore's inserts update),
     * and at least one row per data page in case that count has not been flushed yet. {@code n_live_tup} is not
     * used when {@code reltuples} is known: around an ANALYZE it can count a bulk load twice.
     */
    static final String POSTGRES = "SELECT COALESCE(SUM(CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint"
            + " ELSE GREATEST(COALESCE(s.n_live_tup, 0), pg_relation_size(c.oid) / current_setting('block_size')::bigint) END), 0)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid"
            + " WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    static final String MYSQL = "SELECT COALESCE(SUM(TABLE_ROWS), 0) FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '" + MysqlStampStore.TABLE + "'";

    private static final String H2 = "SELECT COALESCE(SUM(ROW_COUNT_ESTIMATE), 0) FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA', '" + H2StampStore.SCHEMA + "')";

    private RowEstimates() {
    }

    /** The estimate, or null when the URL names no database (a MySQL server without a default schema). */
    public static Long estimate(Vendor vendor, Connection connection) throws SQLException {
        switch (vendor) {
            case POSTGRESQL:
                return single(connection, POSTGRES);
            case MYSQL:
            case MARIADB:
                if (single(connection, "SELECT COUNT(DATABASE())") == 0) {
                    return null;
                }
                freshMysqlStatistics(connection);
                return single(connection, MYSQL);
            case H2:
                return single(connection, H2);
            case SQLITE:
                return sqliteCount(connection);
            default:
                return null;
        }
    }

    /** MySQL 8 caches information_schema statistics for a day by default; ask for current ones. MariaDB has no such cache. */
    static void freshMysqlStatistics(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION information_schema_stats_expiry = 0");
        } catch (SQLException e) {
            // MariaDB or an older MySQL: TABLE_ROWS is read live there
        }
    }

    /** SQLite keeps no row statistics unless ANALYZE ran: count, table by table (databases are small and local). */
    private static long sqliteCount(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '" + SqliteStampStore.TABLE + "'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        long total = 0;
        for (String table : tables) {
            total += single(connection, "SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"");
        }
        return total;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
