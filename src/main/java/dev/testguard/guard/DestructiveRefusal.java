package dev.testguard.guard;

/** A destructive goal was refused by {@link DestructiveGuard}: nothing was touched. */
public final class DestructiveRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    public DestructiveRefusal(String message) {
        super(message);
    }

    public DestructiveRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
