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
            default -> written;
        };
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
        written.parameters().forEach((key, value) -> {
            if (!ControlCharacters.isSecretKey(key)) {
                ControlCharacters.refuseInValue(url, "the parameter '" + ControlCharacters.visible(key) + "'",
                        key + value);
            }
        });
    }
}
