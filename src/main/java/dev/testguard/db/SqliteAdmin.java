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
import java.util.TreeMap;

/**
 * SQLite databases: a "database" is a file name ({@code app.db}) in the directory of the target's file.
 * An empty file is a valid empty database.
 */
public final class SqliteAdmin implements DatabaseAdmin {

    private static final List<String> COMPANIONS = List.of("", "-journal", "-wal", "-shm");

    private final DatabaseTarget anyFile;

    public SqliteAdmin(DatabaseTarget anyFileInDirectory) {
        this.anyFile = anyFileInDirectory;
    }

    @Override
    public String serverVersion() throws SQLException {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new Properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
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
        Path file = file(database);
        for (String suffix : COMPANIONS) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new SQLException("cannot delete " + p + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public DatabaseTarget sibling(String database) {
        return new DatabaseTarget(EmbeddedFiles.sibling(anyFile.url(), database), anyFile.credentials());
    }

    @Override
    public Map<String, Long> exactRowCounts(String database) throws SQLException {
        try (Connection c = openExisting(file(database))) {
            return exactRowCounts(c);
        }
    }

    @Override
    public List<String> tables(String database) throws SQLException {
        try (Connection c = openExisting(file(database))) {
            return tables(c);
        }
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
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(c)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
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
