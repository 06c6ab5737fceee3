package dev.testguard.jdbc;

/** A value that looks like a JDBC URL but cannot be understood. The message never holds a password. */
public class JdbcUrlException extends RuntimeException {
    public JdbcUrlException(String message) {
        super(message);
    }
}
