package dev.testguard.policy;

/** The one class every JDBC URL ends up in. */
public enum Classification {
    /** In-memory, Testcontainers, or a file under the build or temp directory: gone after the build. */
    EPHEMERAL,
    /** Passes every rule: tests may use it. */
    TEST,
    /** Fails a rule: tests must not touch it, the build stops. */
    PROTECTED,
    /** Holds a placeholder nothing resolves: tests cannot use it either, so it is only warned about. */
    UNRESOLVED;

    public boolean isSafe() {
        return this == EPHEMERAL || this == TEST;
    }
}
