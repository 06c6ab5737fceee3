package dev.testguard.backup;

/** A backup or restore failed. The message is for people: it says what failed and what to do, never a password. */
public class BackupException extends Exception {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
