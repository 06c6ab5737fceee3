package dev.testguard.provision;

/** Provisioning or releasing failed; the message names the database and the next step. */
public class ProvisionException extends Exception {

    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
