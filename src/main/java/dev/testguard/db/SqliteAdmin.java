package dev.testguard.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * SQLite databases: a "database" is a file name ({@code app.db}) in the directory of the target's file.
 * An empty file is a valid empty database.
 */
public final class SqliteAdmin extends EmbeddedAdmin {

    private static final List<String> COMPANIONS = List.of("", "-journal", "-wal", "-shm");

    public SqliteAdmin(DatabaseTarget anyFileInDirectory) {
        super(anyFileInDirectory, SqliteAdmin::tables, SqliteAdmin::exactRowCounts);
    }

    @Override
    public String serverVersion() throws SQLException {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new Properties())) {
            return Queries.firstValue(c, "SELECT sqlite_version()");
        }
    }

    @Override
    public boolean exists(String database) throws SQLException {
        return Files.isRegularFile(file(database));
    }

    @Override
    public void create(String database) throws SQLException {
        try {
            Files.createFile(file(database));
        } catch (IOException e) {
            throw new SQLException("cannot create SQLite database " + file(database) + ": " + e, e);
        }
    }

    @Override
    public void drop(String database) throws SQLException {
        deleteWithSuffixes(file(database), COMPANIONS);
    }

    @Override
    Connection openExisting(String database) throws SQLException {
        return openExisting(file(database));
    }

    /** Opens an existing SQLite file read-only: never creates one, never changes one. */
    public static Connection openExisting(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("SQLite database " + file + " does not exist");
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, config.toProperties());
    }

    public static Map<String, Long> exactRowCounts(Connection c) throws SQLException {
        return countEach(c, tables(c), EmbeddedAdmin::quoted);
    }

    public static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The database file of a sibling. */
    public Path file(String database) throws SQLException {
        return fileOf(sibling(database));
    }

    /** The file a SQLite target names, resolved. */
    public static Path fileOf(DatabaseTarget target) throws SQLException {
        return EmbeddedFiles.resolve(target.url());
    }
}
