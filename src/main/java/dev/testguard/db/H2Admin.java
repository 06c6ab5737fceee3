package dev.testguard.db;

import dev.testguard.jdbc.JdbcUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * H2 file databases: a "database" is a file base name ({@code app} for {@code app.mv.db}) in the
 * directory of the target's file. Tables are keyed {@code SCHEMA.TABLE}.
 */
public final class H2Admin implements DatabaseAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> SUFFIXES = List.of(".mv.db", ".h2.db", ".trace.db", ".lock.db", ".temp.db");

    private final DatabaseTarget anyFile;

    public H2Admin(DatabaseTarget anyFileInDirectory) {
        this.anyFile = anyFileInDirectory;
    }

    @Override
    public String serverVersion() {
        return org.h2.engine.Constants.FULL_VERSION;
    }

    @Override
    public boolean exists(String database) throws SQLException {
        Path base = base(database);
        return Files.exists(file(base, ".mv.db")) || Files.exists(file(base, ".h2.db"));
    }

    /** Creates an empty database file (H2 creates it on first connection). */
    @Override
    public void create(String database) throws SQLException {
        if (exists(database)) {
            throw new SQLException("H2 database " + base(database) + " already exists");
        }
        Connections.open(sibling(database), TIMEOUT).close();
    }

    @Override
    public void drop(String database) throws SQLException {
        Path base = base(database);
        for (String suffix : SUFFIXES) {
            try {
                Files.deleteIfExists(file(base, suffix));
            } catch (IOException e) {
                throw new SQLException("cannot delete " + file(base, suffix) + ": " + e.getMessage()
                        + ". Stop the application that has it open, then try again.", e);
            }
        }
    }

    @Override
    public DatabaseTarget sibling(String database) {
        return new DatabaseTarget(EmbeddedFiles.sibling(anyFile.url(), database), anyFile.credentials());
    }

    @Override
    public Map<String, Long> exactRowCounts(String database) throws SQLException {
        try (Connection c = openExisting(sibling(database))) {
            return exactRowCounts(c);
        }
    }

    @Override
    public List<String> tables(String database) throws SQLException {
        try (Connection c = openExisting(sibling(database))) {
            return tables(c);
        }
    }

    /** Opens an existing H2 database, never creating an empty one by mistake. */
    public static Connection openExisting(DatabaseTarget target) throws SQLException {
        return Connections.open(ifExists(target.url()), target.effectiveCredentials(), TIMEOUT);
    }

    static JdbcUrl ifExists(JdbcUrl url) {
        if (url.raw().toUpperCase(java.util.Locale.ROOT).contains(";IFEXISTS=")) {
            return url;
        }
        return new JdbcUrl(url.raw() + ";IFEXISTS=TRUE", url.vendor(), url.storage(), url.hosts(), url.unixSocket(),
                url.databaseName(), url.filePath(), url.parameters(), url.user(), url.password());
    }

    public static Map<String, Long> exactRowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(c)) {
            int dot = table.indexOf('.');
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM "
                    + quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1)))) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    public static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
                        + " AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        tables.sort(null);
        return tables;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private Path base(String database) throws SQLException {
        return EmbeddedFiles.resolve(sibling(database).url());
    }

    private static Path file(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
