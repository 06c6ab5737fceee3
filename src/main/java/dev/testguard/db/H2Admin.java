package dev.testguard.db;

import dev.testguard.jdbc.JdbcUrl;
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

/**
 * H2 file databases: a "database" is a file base name ({@code app} for {@code app.mv.db}) in the
 * directory of the target's file. Tables are keyed {@code SCHEMA.TABLE}.
 */
public final class H2Admin extends EmbeddedAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> SUFFIXES = List.of(".mv.db", ".h2.db", ".trace.db", ".lock.db", ".temp.db");

    public H2Admin(DatabaseTarget anyFileInDirectory) {
        super(anyFileInDirectory, H2Admin::tables, H2Admin::exactRowCounts);
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
        deleteWithSuffixes(base(database), SUFFIXES);
    }

    @Override
    Connection openExisting(String database) throws SQLException {
        return openExisting(sibling(database));
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
        return countEach(c, tables(c), table -> {
            int dot = table.indexOf('.');
            return quoted(table.substring(0, dot)) + "." + quoted(table.substring(dot + 1));
        });
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

    private Path base(String database) throws SQLException {
        return EmbeddedFiles.resolve(sibling(database).url());
    }

    private static Path file(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
