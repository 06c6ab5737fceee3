package dev.testguard.jdbc;

import java.util.Map;

/**
 * Turns the URL as written into the target its driver connects to, per vendor: parameters and connection
 * properties that name another database, host, port or user are applied the way that driver applies them, and a
 * URL whose parts disagree is refused ({@link AmbiguousJdbcUrlException}).
 */
final class EffectiveTargets {

    private EffectiveTargets() {
    }

    static JdbcUrl resolve(JdbcUrl written, Map<String, String> properties) {
        ControlCharacters.refuseInProperties(written.raw(), properties);
        refuseDecodedControls(written);
        return switch (written.vendor()) {
            case POSTGRESQL -> PostgresTarget.resolve(written, properties);
            case MYSQL -> mysql(written, properties);
            case MARIADB -> mariadb(written, properties);
            case SQLSERVER -> SettingsTarget.sqlServer(written, properties);
            case DERBY -> SettingsTarget.derby(written, properties);
            default -> written;
        };
    }

    /** Connector/J reads {@code jdbc:mysql:} URLs (and {@code +srv}, {@code mysqlx}); both drivers {@code jdbc:mariadb:}. */
    private static JdbcUrl mysql(JdbcUrl written, Map<String, String> properties) {
        ConnectorJTarget.Target target = ConnectorJTarget.resolve(written, written.raw(), properties);
        return new JdbcUrl(written.raw(), written.vendor(), written.storage(), target.hosts(), written.unixSocket(),
                target.database(), written.filePath(), written.parameters(), target.user(), written.password());
    }

    private static JdbcUrl mariadb(JdbcUrl written, Map<String, String> properties) {
        return MariadbTarget.resolve(written, properties);
    }

    /** A control character written percent-encoded ({@code %00}) shows only after the parser decoded it. */
    private static void refuseDecodedControls(JdbcUrl written) {
        String url = written.raw();
        ControlCharacters.refuseInValue(url, "the database name", written.databaseName());
        ControlCharacters.refuseInValue(url, "the file path", written.filePath());
        ControlCharacters.refuseInValue(url, "the user", written.user());
        for (HostPort host : written.hosts()) {
            ControlCharacters.refuseInValue(url, "a host", host.host());
        }
        ControlCharacters.refuseInEntries(url, "the parameter", written.parameters());
    }
}
