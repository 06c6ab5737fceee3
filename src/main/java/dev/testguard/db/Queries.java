package dev.testguard.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-value queries (a version, a count, a checksum) over a connection the caller owns. */
public final class Queries {

    private Queries() {
    }

    /**
     * The first column of the first row {@code sql} returns, as a string; null when it returns no row. {@code params}
     * are bound in order, as strings (none: a plain statement, so that PostgreSQL operators such as {@code ?} stay as
     * they are).
     */
    public static String firstValue(Connection c, String sql, String... params) throws SQLException {
        if (params.length == 0) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
