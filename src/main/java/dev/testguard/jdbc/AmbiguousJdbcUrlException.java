package dev.testguard.jdbc;

import java.util.function.Supplier;

/**
 * A JDBC URL (with its connection properties) that does not say one database plainly: two of its parts name
 * different targets, a key the driver reads case-insensitively is given twice with different values, or it holds
 * a control character the server would read differently from a person. Such a URL is never a test database.
 * The message says which parts disagree and never holds a password.
 */
public class AmbiguousJdbcUrlException extends JdbcUrlException {

    public AmbiguousJdbcUrlException(String message) {
        super(message);
    }

    AmbiguousJdbcUrlException(Supplier<String> lazyMessage) {
        super(lazyMessage);
    }
}
