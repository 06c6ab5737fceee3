package dev.testguard.jdbc;

/**
 * Parses the JDBC URL forms users write, for every vendor testguard knows. Never throws anything
 * but {@link JdbcUrlException}; an unknown vendor yields {@link Vendor#UNKNOWN} with whatever could be read.
 */
public final class JdbcUrlParser {

    private JdbcUrlParser() {
    }

    public static JdbcUrl parse(String url) {
        throw new UnsupportedOperationException("being implemented");
    }
}
