package dev.testguard.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite: a one-row marker table {@code testguard_stamp} in the database file. {@code PRAGMA application_id}
 * was considered and rejected: it holds one 32-bit number (no room for who, when and which project), and it
 * belongs to the application's file format (GeoPackage, Fossil and others set it), so overwriting it could
 * break the application. A SQLite database is one file with no schemas to hide in; tests that reset it
 * usually delete the file, which removes the data too. What removes the stamp: {@code DROP TABLE
 * testguard_stamp}, Flyway clean (drops every table), deleting or replacing the file.
 */
public final class SqliteStampStore extends TableStampStore {

    static final String TABLE = "testguard_stamp";

    @Override
    String table() {
        return "\"" + TABLE + "\"";
    }

    @Override
    boolean tableExists(Connection connection) throws SQLException {
        return anyRow(connection, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", TABLE);
    }

    @Override
    void createTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table() + " (" + COLUMNS + ")");
        }
    }
}
