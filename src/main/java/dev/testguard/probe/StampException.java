package dev.testguard.probe;

/** Stamping failed or was refused; the message names the database (masked) and the next step. */
public final class StampException extends Exception {

    public StampException(String message) {
        super(message);
    }
}
