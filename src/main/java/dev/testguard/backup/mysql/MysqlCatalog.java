package dev.testguard.backup.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a dump needs to know about one MySQL/MariaDB database, read from {@code information_schema}. */
final class MysqlCatalog {

    /** How a column's value is written in an INSERT. */
    enum ValueKind { NUMBER, STRING, BINARY }

    record Column(String name, ValueKind kind) {
    }

    record Routine(String type, String name) {
    }

    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "float", "double", "real");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob", "bit", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
            "multipolygon", "geometrycollection");

    private MysqlCatalog() {
    }

    /** Tables whose engine is not InnoDB, as {@code name (ENGINE)}: a single transaction cannot snapshot them. */
    static List<String> nonTransactionalTables(Connection c, String database) throws SQLException {
        return strings(c, "SELECT CONCAT(TABLE_NAME, ' (', ENGINE, ')') FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')"
                + " AND ENGINE IS NOT NULL AND ENGINE <> 'InnoDB' ORDER BY TABLE_NAME", database);
    }

    static List<String> views(Connection c, String database) throws SQLException {
        return strings(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
                database);
    }

    /** Columns to dump, in table order; generated columns are left out since the server computes them. */
    static List<Column> columns(Connection c, String database, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, GENERATION_EXPRESSION"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, database);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String generated = rs.getString(3);
                    if (generated != null && !generated.isEmpty()) {
                        continue;
                    }
                    String type = rs.getString(2).toLowerCase(java.util.Locale.ROOT);
                    ValueKind kind = NUMERIC.contains(type) ? ValueKind.NUMBER
                            : BINARY.contains(type) ? ValueKind.BINARY : ValueKind.STRING;
                    columns.add(new Column(rs.getString(1), kind));
                }
            }
        }
        return columns;
    }

    static List<String> triggers(Connection c, String database) throws SQLException {
        return strings(c, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER", database);
    }

    static List<Routine> routines(Connection c, String database) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') ORDER BY ROUTINE_TYPE, ROUTINE_NAME")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    routines.add(new Routine(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return routines;
    }

    static List<String> events(Connection c, String database) throws SQLException {
        return strings(c, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME",
                database);
    }

    private static List<String> strings(Connection c, String sql, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
