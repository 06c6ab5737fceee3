package dev.testguard.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MySQL and MariaDB: a one-row marker table {@code testguard_stamp} in the database itself (MySQL has no
 * database comment, and in MySQL a database is a schema, so there is nowhere outside the tests' reach).
 * What removes it: {@code DROP DATABASE}, {@code DROP TABLE testguard_stamp}, and Flyway {@code clean} of
 * that schema (which drops every table). Tests that only truncate or drop their own tables keep it.
 * Note that Flyway refuses to migrate a schema that holds tables but no history table, unless
 * {@code baselineOnMigrate} is set: stamp a database after its first migration, or set that flag.
 * Reading needs only SELECT on the table; a database without the table is simply unstamped.
 */
public final class MysqlStampStore extends TableStampStore {

    static final String TABLE = "testguard_stamp";

    /** One row when the connection's database holds the stamp table; reads the catalog only, so never fails for its absence. */
    static final String TABLE_ROW = "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_NAME = '" + TABLE + "'";

    @Override
    String table() {
        return "`" + TABLE + "`";
    }

    @Override
    boolean tableExists(Connection connection) throws SQLException {
        return anyRow(connection, TABLE_ROW);
    }

    /**
     * Writes {@code stamp} over the stamp of the connection's database, whose stamp table exists, with DML only: inside
     * the caller's transaction (a claim of a set of spares), nothing committed here.
     */
    public void overwriteInTransaction(Connection connection, Stamp stamp) throws SQLException {
        overwrite(connection, stamp);
    }

    @Override
    void createTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table() + " (" + COLUMNS + ")"
                    + " COMMENT = 'testguard identity stamp: see testguard:stamp. Do not edit by hand.'");
        }
    }
}
