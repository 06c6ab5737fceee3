package dev.testguard.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A stamp kept as the single row of a small marker table, for engines without a database-level comment.
 * Columns are plain text so that {@code SELECT * FROM} the table tells a person what it is.
 */
abstract class TableStampStore implements StampStore {

    /** The table as it goes into SQL, qualified and quoted as the engine needs. */
    abstract String table();

    /** The four columns (role, stamped at, stamped by, project) as they go into SQL. */
    String columns() {
        return "role, stamped_at, stamped_by, project";
    }

    /** Whether the marker table exists; must read the catalog only, never fail when it is missing. */
    abstract boolean tableExists(Connection connection) throws SQLException;

    /** Creates the marker table (and whatever holds it). */
    abstract void createTable(Connection connection) throws SQLException;

    static final String COLUMNS = "role VARCHAR(16) NOT NULL, stamped_at VARCHAR(40) NOT NULL,"
            + " stamped_by VARCHAR(255), project VARCHAR(255)";

    @Override
    public Optional<Stamp> read(Connection connection) throws SQLException {
        return tableExists(connection) ? readRows(connection) : Optional.empty();
    }

    /** The stamp in the marker table, which must exist: the first row that makes a valid stamp. */
    Optional<Stamp> readRows(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + columns() + " FROM " + table())) {
            while (rs.next()) {
                Optional<Stamp> stamp = toStamp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                if (stamp.isPresent()) {
                    return stamp;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void write(Connection connection, Stamp stamp) throws SQLException {
        if (!tableExists(connection)) {
            createTable(connection);
        }
        overwrite(connection, stamp);
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Replaces the rows of the marker table (which exists) with {@code stamp}; commits nothing (DML only). */
    void overwrite(Connection connection, Stamp stamp) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM " + table());
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + table() + " (" + columns() + ") VALUES (?, ?, ?, ?)")) {
            ps.setString(1, stamp.role().label());
            ps.setString(2, stamp.stampedAt().toString());
            ps.setString(3, stamp.stampedBy());
            ps.setString(4, stamp.project());
            ps.executeUpdate();
        }
    }

    private static Optional<Stamp> toStamp(String role, String at, String by, String project) {
        try {
            return Optional.of(new Stamp(Stamp.Role.parse(role), at == null ? null : Instant.parse(at), by, project));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean anyRow(Connection connection, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
