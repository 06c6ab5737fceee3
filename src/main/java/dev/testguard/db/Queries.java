package dev.testguard.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-value queries (a version, a count, a checksum) over a connection the caller owns. */
public final class Queries {

    private Queries() {
    }

    /** The first column of the first row {@code sql} returns, as a string. */
    public static String firstValue(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
