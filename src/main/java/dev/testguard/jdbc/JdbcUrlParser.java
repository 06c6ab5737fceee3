package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;
import static dev.testguard.jdbc.UrlText.startsWithIgnoreCase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Parses the JDBC URL forms users write, for every vendor testguard knows, and resolves the target the way the
 * vendor's driver does: the returned {@link JdbcUrl}'s hosts, database and user are the ones the driver will really
 * use, taking the URL's parameters ({@code PGDBNAME}, {@code dbname}, {@code PGHOST}...) and the connection
 * properties into account. Never throws anything but {@link JdbcUrlException}; a URL whose parts name different
 * targets or that holds control characters throws {@link AmbiguousJdbcUrlException}. An unknown vendor yields
 * {@link Vendor#UNKNOWN} with whatever could be read.
 *
 * <p>One parser for {@code verify}, every destructive goal and the runtime guard: pass the same properties the
 * connection will be opened with.
 */
public final class JdbcUrlParser {

    private JdbcUrlParser() {
    }

    /** The URL opened without connection properties (the driver's defaults apply). */
    public static JdbcUrl parse(String url) {
        return parse(url, Map.of());
    }

    /**
     * The URL as the driver will read it when opened with {@code connectionProperties} (the {@code Properties}
     * handed to {@code Driver.connect}: user, PGDBNAME, dbname...; null means none).
     */
    public static JdbcUrl parse(String url, Properties connectionProperties) {
        Map<String, String> map = new LinkedHashMap<>();
        if (connectionProperties != null) {
            for (String key : connectionProperties.stringPropertyNames()) {
                map.put(key, connectionProperties.getProperty(key));
            }
        }
        return parse(url, map);
    }

    /** As {@link #parse(String, Properties)}, the properties as a map (null means none). */
    public static JdbcUrl parse(String url, Map<String, String> connectionProperties) {
        JdbcUrl written = parseWritten(url);
        try {
            return EffectiveTargets.resolve(written, connectionProperties == null ? Map.of() : connectionProperties);
        } catch (JdbcUrlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw fail(written.raw(), "it cannot be parsed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The URL as written, read by its vendor's parser without resolving parameters against each other. */
    static JdbcUrl parseWritten(String url) {
        if (url == null || url.isBlank()) {
            throw new JdbcUrlException("A JDBC URL is empty; write one such as jdbc:postgresql://localhost:5432/app_test");
        }
        String trimmed = url.strip();
        if (!startsWithIgnoreCase(trimmed, "jdbc:")) {
            throw fail(trimmed, "a JDBC URL starts with 'jdbc:'");
        }
        if (!trimmed.matches("(?is)jdbc:[a-z0-9][^:]*:.*")) {
            throw fail(trimmed, "it names no driver after 'jdbc:'");
        }
        ControlCharacters.refuseIn(trimmed);
        try {
            return byVendor(trimmed);
        } catch (JdbcUrlException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug must not turn bad input into a stack trace, nor leak the URL's password.
            throw fail(trimmed, "it cannot be parsed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static JdbcUrl byVendor(String url) {
        return switch (formOf(url)) {
            case POSTGRESQL -> PostgresUrls.parse(url);
            case MYSQL -> MysqlUrls.parse(url);
            case H2 -> H2Urls.parse(url);
            case HSQLDB -> HsqldbUrls.parse(url);
            case DERBY -> DerbyUrls.parse(url);
            case SQLITE -> SqliteUrls.parse(url);
            case SQLSERVER -> SqlServerUrls.parse(url);
            case ORACLE -> OracleUrls.parse(url);
            case TESTCONTAINERS -> TestcontainersUrls.parse(url);
            default -> GenericUrls.parse(url);
        };
    }

    /** The parser a URL's prefix selects ({@link Vendor#MYSQL} stands for MariaDB's form too). */
    static Vendor formOf(String url) {
        if (startsWithIgnoreCase(url, PostgresUrls.PREFIX)) {
            return Vendor.POSTGRESQL;
        }
        if (MysqlUrls.accepts(url)) {
            return Vendor.MYSQL;
        }
        if (startsWithIgnoreCase(url, H2Urls.PREFIX)) {
            return Vendor.H2;
        }
        if (startsWithIgnoreCase(url, HsqldbUrls.PREFIX)) {
            return Vendor.HSQLDB;
        }
        if (startsWithIgnoreCase(url, DerbyUrls.PREFIX)) {
            return Vendor.DERBY;
        }
        if (startsWithIgnoreCase(url, SqliteUrls.PREFIX)) {
            return Vendor.SQLITE;
        }
        if (startsWithIgnoreCase(url, SqlServerUrls.PREFIX) || startsWithIgnoreCase(url, SqlServerUrls.JTDS_PREFIX)) {
            return Vendor.SQLSERVER;
        }
        if (OracleUrls.accepts(url)) {
            return Vendor.ORACLE;
        }
        if (startsWithIgnoreCase(url, TestcontainersUrls.PREFIX)) {
            return Vendor.TESTCONTAINERS;
        }
        return Vendor.UNKNOWN;
    }
}
