package dev.testguard.jdbc;

import java.util.function.Supplier;

/** A value that looks like a JDBC URL but cannot be understood. The message never holds a password. */
public class JdbcUrlException extends RuntimeException {

    /** Builds the message when first asked: masking parses the URL, which may throw this exception again. */
    private transient Supplier<String> lazyMessage;
    private String message;

    public JdbcUrlException(String message) {
        super(message);
        this.message = message;
    }

    JdbcUrlException(Supplier<String> lazyMessage) {
        super((String) null);
        this.lazyMessage = lazyMessage;
    }

    @Override
    public synchronized String getMessage() {
        if (message == null && lazyMessage != null) {
            message = lazyMessage.get();
            lazyMessage = null;
        }
        return message;
    }
}
