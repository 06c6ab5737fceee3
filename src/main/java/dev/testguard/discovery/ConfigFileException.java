package dev.testguard.discovery;

/** A project file testguard must read is broken. The message names the file (and line when known). */
public class ConfigFileException extends RuntimeException {
    public ConfigFileException(String message) {
        super(message);
    }

    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
