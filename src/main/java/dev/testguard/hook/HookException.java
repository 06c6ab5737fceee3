package dev.testguard.hook;

/** A hook cannot be installed or removed; the message says why and what to do. */
public class HookException extends Exception {

    public HookException(String message) {
        super(message);
    }

    public HookException(String message, Throwable cause) {
        super(message, cause);
    }
}
