package dev.testguard.probe;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Who a server really is, read from the server itself so that every host name, address or tunnel that
 * reaches it gives the same answer. Needs no superuser rights.
 */
public final class ServerIdentities {

    static final String POSTGRES_PORT = "SELECT current_setting('port')";
    /** Any user may run it on PostgreSQL 10+, unless an administrator revoked it. */
    static final String POSTGRES_SYSTEM_ID = "SELECT system_identifier::text FROM pg_control_system()";
    /** What names a MariaDB server (which has no server_uuid): host name as the server knows it, port, server_id. */
    static final String MARIADB_SERVER_COLUMNS = "@@hostname, @@port, @@server_id";

    private ServerIdentities() {
    }

    /** The identity of the server a client connection (not a file database's) is attached to. */
    public static ServerIdentity read(JdbcUrl url, Connection connection) throws SQLException {
        return read(url, connection, Optional.empty());
    }

    static ServerIdentity read(JdbcUrl url, Connection connection, Optional<SafeUrls.EmbeddedFile> file) throws SQLException {
        if (file.isPresent()) {
            String path = file.get().canonical();
            return new ServerIdentity(url.vendor().displayName() + ":" + path, file.get().location().getFileName().toString());
        }
        Vendor vendor = url.vendor();
        if (vendor == Vendor.POSTGRESQL) {
            return new ServerIdentity(postgresServer(connection), text(connection, "SELECT current_database()").orElse("?"));
        }
        if (vendor.isMysqlFamily()) {
            return new ServerIdentity(mysqlServer(connection), text(connection, "SELECT DATABASE()").orElse(""));
        }
        if (vendor == Vendor.H2) {
            // H2 in server mode: the server-side path of the database
            String path = text(connection, "SELECT DATABASE_PATH()").orElse(url.raw());
            return new ServerIdentity("h2-server:" + path, url.databaseName() == null ? path : url.databaseName());
        }
        return null;
    }

    /**
     * The cluster's system identifier (set by initdb, kept by every replica and physical copy), which
     * {@code pg_control_system()} gives any user on PostgreSQL 10+ unless an administrator revoked it. Else the
     * data directory (needs pg_read_all_settings) with the start time, else start time, port and version: these
     * two fallbacks are stable for as long as the server runs, which covers one build.
     */
    private static String postgresServer(Connection connection) throws SQLException {
        String port = text(connection, POSTGRES_PORT).orElse("?");
        Optional<String> systemId = tryText(connection, POSTGRES_SYSTEM_ID);
        if (systemId.isPresent()) {
            return postgresServer(systemId.get(), port);
        }
        String started = text(connection, "SELECT pg_postmaster_start_time()::text").orElse("?");
        Optional<String> dataDirectory = tryText(connection, "SELECT current_setting('data_directory')");
        if (dataDirectory.isPresent()) {
            return "postgresql:" + dataDirectory.get() + ":" + started + ":" + port;
        }
        return "postgresql:" + started + ":" + port + ":" + text(connection, "SELECT current_setting('server_version')").orElse("?");
    }

    static String postgresServer(String systemId, String port) {
        return "postgresql:" + systemId + ":" + port;
    }

    /**
     * MySQL 5.6+: {@code server_uuid}, generated once per data directory. MariaDB has none: its host name, port
     * and {@code server_id} name the server (host name as the server itself knows it, not as we reached it).
     */
    private static String mysqlServer(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW VARIABLES LIKE 'server_uuid'")) {
            if (rs.next() && hasUuid(rs.getString(2))) {
                return mysqlServer(rs.getString(2));
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT " + MARIADB_SERVER_COLUMNS)) {
            rs.next();
            return mariadbServer(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    static boolean hasUuid(String serverUuid) {
        return serverUuid != null && !serverUuid.isBlank();
    }

    static String mysqlServer(String serverUuid) {
        return "mysql:" + serverUuid;
    }

    static String mariadbServer(String hostname, String port, String serverId) {
        return "mariadb:" + hostname + ":" + port + ":" + serverId;
    }

    private static Optional<String> tryText(Connection connection, String sql) {
        try {
            return text(connection, sql);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }
}
