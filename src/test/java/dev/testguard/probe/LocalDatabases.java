package dev.testguard.probe;

import dev.testguard.db.Connections;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The real local servers of the test machine, and URLs built by hand (the parser is another package's job). */
final class LocalDatabases {

    static final Credentials POSTGRES_ADMIN = new Credentials("postgres", null);
    static final Credentials MARIADB_ADMIN = new Credentials("root", "");
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private LocalDatabases() {
    }

    static String uniqueName(String purpose) {
        return "tg_" + purpose + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static JdbcUrl postgres(String host, int port, String database) {
        String raw = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return new JdbcUrl(raw, Vendor.POSTGRESQL, Storage.SERVER, List.of(new HostPort(host, port)), false, database,
                null, Map.of(), null, null);
    }

    static JdbcUrl postgres(String database) {
        return postgres("localhost", 5432, database);
    }

    static JdbcUrl mariadb(String host, int port, String database) {
        String raw = "jdbc:mariadb://" + host + ":" + port + "/" + database;
        return new JdbcUrl(raw, Vendor.MARIADB, Storage.SERVER, List.of(new HostPort(host, port)), false, database,
                null, Map.of(), null, null);
    }

    static JdbcUrl mariadb(String database) {
        return mariadb("localhost", 3306, database);
    }

    static JdbcUrl h2File(Path base) {
        String raw = "jdbc:h2:file:" + base;
        return new JdbcUrl(raw, Vendor.H2, Storage.FILE, List.of(), false, base.getFileName().toString(),
                base.toString(), Map.of(), null, null);
    }

    static JdbcUrl sqliteFile(Path file) {
        String raw = "jdbc:sqlite:" + file;
        return new JdbcUrl(raw, Vendor.SQLITE, Storage.FILE, List.of(), false, file.getFileName().toString(),
                file.toString(), Map.of(), null, null);
    }

    static void createPostgres(String database) throws SQLException {
        execute(postgres("postgres"), POSTGRES_ADMIN, "CREATE DATABASE \"" + database + "\"");
    }

    static void dropPostgres(String database) throws SQLException {
        execute(postgres("postgres"), POSTGRES_ADMIN, "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    static void createMariadb(String database) throws SQLException {
        execute(mariadb(""), MARIADB_ADMIN, "CREATE DATABASE `" + database + "`");
    }

    static void dropMariadb(String database) throws SQLException {
        execute(mariadb(""), MARIADB_ADMIN, "DROP DATABASE IF EXISTS `" + database + "`");
    }

    static void execute(JdbcUrl url, Credentials credentials, String... statements) throws SQLException {
        try (Connection c = Connections.open(url, credentials, TIMEOUT); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    static List<String> column(JdbcUrl url, Credentials credentials, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = Connections.open(url, credentials, TIMEOUT); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
