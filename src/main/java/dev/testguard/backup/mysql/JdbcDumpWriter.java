package dev.testguard.backup.mysql;

import dev.testguard.backup.Progress;
import dev.testguard.backup.mysql.MysqlCatalog.Column;
import dev.testguard.backup.mysql.MysqlCatalog.Routine;
import dev.testguard.backup.mysql.MysqlCatalog.ValueKind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes one database as a SQL script, inside the snapshot the caller opened on {@code c}: tables with
 * their data, then routines, views and triggers, then events. Data is streamed row by row into
 * multi-row INSERTs of bounded size, so memory stays flat whatever the table size. The script restores
 * with the {@code mariadb}/{@code mysql} client and with {@link dev.testguard.sql.SqlScriptReader}.
 */
final class JdbcDumpWriter {

    static final int MAX_STATEMENT_BYTES = 1 << 20;
    private static final Pattern DEFINER = Pattern.compile(
            "\\s*DEFINER\\s*=\\s*(`[^`]*`|'[^']*'|[^\\s@]+)@(`[^`]*`|'[^']*'|[^\\s]+)", Pattern.CASE_INSENSITIVE);

    private static final byte[] NULL = "NULL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Connection c;
    private final String database;
    private final DumpOutput out;
    private final Progress progress;
    private final ProgressTicker ticker;
    private final Map<String, Long> rowCounts = new TreeMap<>();
    private long totalRows;

    JdbcDumpWriter(Connection c, String database, DumpOutput out, Progress progress) {
        this.c = c;
        this.database = database;
        this.out = out;
        this.progress = progress;
        this.ticker = new ProgressTicker(progress);
    }

    /** Writes the whole script and returns the exact row count of every table, as read in the snapshot. */
    Map<String, Long> write(String serverVersion) throws SQLException, IOException {
        out.text("-- testguard jdbc-mysql dump\n-- Server version: " + serverVersion.replace('\n', ' ') + "\n\n")
                .text("SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT;\n")
                .text("SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS;\n")
                .text("SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION;\n")
                .text("SET NAMES utf8mb4;\n")
                .text("SET @OLD_TIME_ZONE=@@TIME_ZONE;\nSET TIME_ZONE='+00:00';\n")
                .text("SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0;\n")
                .text("SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0;\n")
                .text("SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO';\n")
                .text("SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0;\n\n");
        List<String> tables = dev.testguard.db.MysqlAdmin.tables(c, database);
        for (int i = 0; i < tables.size(); i++) {
            table(tables.get(i), i + 1, tables.size());
        }
        for (Routine r : MysqlCatalog.routines(c, database)) {
            routine(r);
        }
        for (String view : orderedViews()) {
            view(view);
        }
        for (String trigger : MysqlCatalog.triggers(c, database)) {
            withBody("TRIGGER", trigger, "SQL Original Statement");
        }
        for (String event : MysqlCatalog.events(c, database)) {
            withBody("EVENT", event, "Create Event");
        }
        out.text("\nSET SQL_MODE=@OLD_SQL_MODE;\nSET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS;\n")
                .text("SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS;\nSET TIME_ZONE=@OLD_TIME_ZONE;\nSET SQL_NOTES=@OLD_SQL_NOTES;\n")
                .text("SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT;\n")
                .text("SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS;\n")
                .text("SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION;\n-- testguard dump complete\n");
        progress.report("jdbc-mysql: " + tables.size() + " tables, " + totalRows + " rows, "
                + ProgressTicker.megabytes(out.written()) + " of SQL");
        return rowCounts;
    }

    private void table(String table, int index, int of) throws SQLException, IOException {
        String q = quote(table);
        out.text("--\n-- Table " + q + "\n--\n\nDROP TABLE IF EXISTS " + q + ";\n")
                .text(showCreate("SHOW CREATE TABLE " + q, 2)).text(";\n\n");
        List<Column> columns = MysqlCatalog.columns(c, database, table);
        long rows = columns.isEmpty() ? 0 : data(table, columns, index, of);
        rowCounts.put(table, rows);
        out.text("\n");
    }

    private long data(String table, List<Column> columns, int index, int of) throws SQLException, IOException {
        StringBuilder names = new StringBuilder();
        for (Column col : columns) {
            names.append(names.length() == 0 ? "" : ",").append(quote(col.name()));
        }
        byte[] insertHead = ("INSERT INTO " + quote(table) + " (" + names + ") VALUES\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        ValueKind[] kinds = columns.stream().map(Column::kind).toArray(ValueKind[]::new);
        long rows = 0;
        long statementStart = -1;
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream row by row instead of buffering the table
            try (ResultSet rs = st.executeQuery("SELECT " + names + " FROM " + quote(table))) {
                while (rs.next()) {
                    if (statementStart < 0) {
                        statementStart = out.written();
                        out.raw(insertHead);
                    } else {
                        out.put((byte) ',');
                        out.put((byte) '\n');
                    }
                    row(rs, kinds);
                    rows++;
                    if (out.written() - statementStart >= MAX_STATEMENT_BYTES) {
                        out.text(";\n");
                        statementStart = -1;
                    }
                    if ((rows & 1023) == 0) {
                        long done = rows;
                        ticker.tick(() -> "jdbc-mysql: table " + index + "/" + of + " " + quote(table) + ": "
                                + done + " rows; " + (totalRows + done) + " rows, "
                                + ProgressTicker.megabytes(out.written()) + " in all");
                    }
                }
            }
        }
        if (statementStart >= 0) {
            out.text(";\n");
        }
        totalRows += rows;
        return rows;
    }

    private void row(ResultSet rs, ValueKind[] kinds) throws SQLException, IOException {
        out.put((byte) '(');
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            // Connector/J hands out the server's own text for every type over the text protocol:
            // exact decimals, dates and floats as the server prints them, unchanged.
            byte[] value = rs.getBytes(i + 1);
            if (value == null) {
                out.raw(NULL);
            } else if (kinds[i] == ValueKind.BINARY) {
                out.hex(value);
            } else if (kinds[i] == ValueKind.NUMBER) {
                out.raw(value);
            } else {
                out.quoted(value);
            }
        }
        out.put((byte) ')');
    }

    private void routine(Routine r) throws SQLException, IOException {
        withBody(r.type(), r.name(), "Create " + (r.type().equals("FUNCTION") ? "Function" : "Procedure"));
    }

    /** Triggers, routines and events: their bodies hold semicolons, so they go inside DELIMITER ;; blocks. */
    private void withBody(String kind, String name, String column) throws SQLException, IOException {
        String sqlMode;
        String body;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE " + kind + " " + quote(name))) {
            if (!rs.next()) {
                progress.report("WARNING: " + kind.toLowerCase() + " " + quote(name) + " vanished during the backup");
                return;
            }
            sqlMode = rs.getString("sql_mode");
            body = rs.getString(column);
        }
        if (body == null) {
            progress.report("WARNING: " + kind.toLowerCase() + " " + quote(name) + " is not in the backup: the user"
                    + " cannot read its definition (grant SELECT on mysql.proc, or SHOW_ROUTINE, to back it up)");
            return;
        }
        out.text("--\n-- " + kind.charAt(0) + kind.substring(1).toLowerCase() + " " + quote(name) + "\n--\n")
                .text("SET SESSION SQL_MODE=" + stringLiteral(sqlMode == null ? "" : sqlMode) + ";\n")
                .text("DELIMITER ;;\n").text(withoutDefiner(body)).text("\n;;\nDELIMITER ;\n")
                .text("SET SESSION SQL_MODE='NO_AUTO_VALUE_ON_ZERO';\n\n");
    }

    private void view(String view) throws SQLException, IOException {
        String create = showCreate("SHOW CREATE VIEW " + quote(view), 2);
        out.text("--\n-- View " + quote(view) + "\n--\n\nDROP VIEW IF EXISTS " + quote(view) + ";\n")
                .text(withoutDefiner(create).replace(quote(database) + ".", "")).text(";\n\n");
    }

    /** Views in an order where each comes after the views it reads. */
    private List<String> orderedViews() throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, VIEW_DEFINITION FROM"
                + " information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (!definitions.isEmpty()) {
            String next = definitions.keySet().stream()
                    .filter(v -> definitions.keySet().stream()
                            .noneMatch(other -> !other.equals(v) && definitions.get(v).contains(quote(other))))
                    .findFirst()
                    .orElse(definitions.keySet().iterator().next()); // a cycle cannot exist; a false match can
            ordered.add(next);
            definitions.remove(next);
        }
        return ordered;
    }

    private String showCreate(String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }

    /** The restoring user becomes the definer: the original one may not exist on the target server. */
    static String withoutDefiner(String create) {
        return DEFINER.matcher(create).replaceFirst("");
    }

    static String quote(String identifier) {
        return dev.testguard.db.MysqlAdmin.quote(identifier);
    }

    static String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
