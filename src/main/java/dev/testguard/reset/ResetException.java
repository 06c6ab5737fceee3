package dev.testguard.reset;

/** A reset, baseline or init script that could not be done; the message names the database and the next step. */
public class ResetException extends Exception {

    public ResetException(String message) {
        super(message);
    }

    public ResetException(String message, Throwable cause) {
        super(message, cause);
    }
}
