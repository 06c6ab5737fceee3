package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;
import static dev.testguard.jdbc.UrlText.startsWithIgnoreCase;

/**
 * Parses the JDBC URL forms users write, for every vendor testguard knows. Never throws anything
 * but {@link JdbcUrlException}; an unknown vendor yields {@link Vendor#UNKNOWN} with whatever could be read.
 */
public final class JdbcUrlParser {

    private JdbcUrlParser() {
    }

    public static JdbcUrl parse(String url) {
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
        if (startsWithIgnoreCase(url, PostgresUrls.PREFIX)) {
            return PostgresUrls.parse(url);
        }
        if (MysqlUrls.accepts(url)) {
            return MysqlUrls.parse(url);
        }
        if (startsWithIgnoreCase(url, H2Urls.PREFIX)) {
            return H2Urls.parse(url);
        }
        if (startsWithIgnoreCase(url, HsqldbUrls.PREFIX)) {
            return HsqldbUrls.parse(url);
        }
        if (startsWithIgnoreCase(url, DerbyUrls.PREFIX)) {
            return DerbyUrls.parse(url);
        }
        if (startsWithIgnoreCase(url, SqliteUrls.PREFIX)) {
            return SqliteUrls.parse(url);
        }
        if (startsWithIgnoreCase(url, SqlServerUrls.PREFIX) || startsWithIgnoreCase(url, SqlServerUrls.JTDS_PREFIX)) {
            return SqlServerUrls.parse(url);
        }
        if (OracleUrls.accepts(url)) {
            return OracleUrls.parse(url);
        }
        if (startsWithIgnoreCase(url, TestcontainersUrls.PREFIX)) {
            return TestcontainersUrls.parse(url);
        }
        return GenericUrls.parse(url);
    }
}
