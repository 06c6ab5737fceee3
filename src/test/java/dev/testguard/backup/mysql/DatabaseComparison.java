package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Compares two MariaDB databases object by object and row by row, byte for byte. */
final class DatabaseComparison {

    private DatabaseComparison() {
    }

    static void assertSameContent(String expectedDb, String actualDb) throws SQLException {
        try (Connection c = MariaDbFixture.open(null)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION time_zone = '+00:00'");
            }
            List<String> tables = names(c, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '%s' ORDER BY 1", expectedDb);
            assertThat(names(c, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '%s' ORDER BY 1", actualDb))
                    .as("tables and views").isEqualTo(tables);
            for (String entry : tables) {
                String table = entry.split("\\|")[0];
                if (entry.endsWith("BASE TABLE")) {
                    assertThat(showCreate(c, actualDb, table)).as("definition of " + table)
                            .isEqualTo(showCreate(c, expectedDb, table));
                }
                List<String> expectedRows = rows(c, expectedDb, table);
                assertThat(rows(c, actualDb, table)).as("rows of " + table).containsExactlyElementsOf(expectedRows);
            }
            String triggers = "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_STATEMENT"
                    + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '%s' ORDER BY 1";
            assertThat(names(c, triggers, actualDb)).as("triggers").isEqualTo(names(c, triggers, expectedDb));
            String routines = "SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION, DTD_IDENTIFIER"
                    + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '%s' ORDER BY 1";
            assertThat(names(c, routines, actualDb)).as("routines").isEqualTo(names(c, routines, expectedDb));
            // a view restored elsewhere must read its own database, not the source's
            String views = "SELECT TABLE_NAME, REPLACE(VIEW_DEFINITION, '`%1$s`', '`DB`') FROM information_schema.VIEWS"
                    + " WHERE TABLE_SCHEMA = '%1$s' ORDER BY 1";
            assertThat(names(c, views, actualDb)).as("views").isEqualTo(names(c, views, expectedDb))
                    .allSatisfy(v -> assertThat(v).doesNotContain(expectedDb));
        }
    }

    private static String showCreate(Connection c, String db, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SHOW CREATE TABLE `" + db + "`.`" + table + "`")) {
            rs.next();
            return rs.getString(2);
        }
    }

    static List<String> rows(Connection c, String db, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM `" + db + "`.`" + table + "`")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    byte[] v = rs.getBytes(i);
                    row.append(md.getColumnName(i)).append('=')
                            .append(v == null ? "NULL" : HexFormat.of().formatHex(v)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static List<String> names(Connection c, String sqlTemplate, String db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(String.format(sqlTemplate, db))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
