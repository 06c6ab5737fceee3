package dev.testguard.maven;

/**
 * Thrown from the after-test listener: Maven's listener methods declare no checked exception, and a runtime
 * exception there fails the project's build with this message.
 */
public final class RuntimeGuardFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RuntimeGuardFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
