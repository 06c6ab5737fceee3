package dev.testguard.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What H2 and SQLite administration have in common: a "database" is a file in the directory of the target's file,
 * read over a connection that never creates one, and dropped by deleting the file with its companions.
 */
abstract class EmbeddedAdmin implements DatabaseAdmin {

    /** Reads something out of an open connection, e.g. the engine's table list. */
    interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    private final DatabaseTarget anyFile;
    private final Read<List<String>> tables;
    private final Read<Map<String, Long>> exactRowCounts;

    EmbeddedAdmin(DatabaseTarget anyFileInDirectory, Read<List<String>> tables, Read<Map<String, Long>> exactRowCounts) {
        this.anyFile = anyFileInDirectory;
        this.tables = tables;
        this.exactRowCounts = exactRowCounts;
    }

    /** Opens the existing {@code database}; fails rather than create it. */
    abstract Connection openExisting(String database) throws SQLException;

    @Override
    public final DatabaseTarget sibling(String database) {
        return new DatabaseTarget(EmbeddedFiles.sibling(anyFile.url(), database), anyFile.credentials());
    }

    @Override
    public final Map<String, Long> exactRowCounts(String database) throws SQLException {
        try (Connection c = openExisting(database)) {
            return exactRowCounts.from(c);
        }
    }

    @Override
    public final List<String> tables(String database) throws SQLException {
        try (Connection c = openExisting(database)) {
            return tables.from(c);
        }
    }

    /** {@code SELECT COUNT(*)} of each table, keyed as listed; {@code quotedName} turns a key into SQL. */
    static Map<String, Long> countEach(Connection c, List<String> tables, UnaryOperator<String> quotedName) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + quotedName.apply(table))) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** A double-quoted SQL identifier, as both engines read it. */
    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Deletes {@code base} + each suffix that exists: the database file and the engine's companion files. */
    static void deleteWithSuffixes(Path base, List<String> suffixes) throws SQLException {
        for (String suffix : suffixes) {
            Path file = base.resolveSibling(base.getFileName() + suffix);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new SQLException("cannot delete " + file + ": " + e.getMessage()
                        + ". Stop the application that has it open, then try again.", e);
            }
        }
    }
}
