package dev.testguard.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2: a one-row table {@code "TESTGUARD"."STAMP"} in a schema of its own. H2 has no database comment, but
 * it has schemas, and tests work in {@code PUBLIC} (or the schema they name): Hibernate create-drop, Flyway
 * clean of the test schema and {@code DROP SCHEMA app CASCADE} leave a separate schema alone, and Flyway's
 * "non-empty schema" check does not see it. What removes it: {@code DROP ALL OBJECTS}, {@code DROP SCHEMA
 * TESTGUARD}, deleting the database files. Names are quoted so modes such as {@code DATABASE_TO_LOWER} do not
 * change them.
 */
public final class H2StampStore extends TableStampStore {

    static final String SCHEMA = "TESTGUARD";
    static final String TABLE = "STAMP";

    @Override
    String table() {
        return "\"" + SCHEMA + "\".\"" + TABLE + "\"";
    }

    @Override
    String columns() {
        return "\"ROLE\", \"STAMPED_AT\", \"STAMPED_BY\", \"PROJECT\"";
    }

    @Override
    boolean tableExists(Connection connection) throws SQLException {
        return anyRow(connection,
                "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", SCHEMA, TABLE);
    }

    @Override
    void createTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS \"" + SCHEMA + "\"");
            st.execute("CREATE TABLE IF NOT EXISTS " + table() + " (\"ROLE\" VARCHAR(16) NOT NULL,"
                    + " \"STAMPED_AT\" VARCHAR(40) NOT NULL, \"STAMPED_BY\" VARCHAR(255), \"PROJECT\" VARCHAR(255))");
        }
    }
}
