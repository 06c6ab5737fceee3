package dev.testguard.jdbc;

/** Where the data behind a JDBC URL lives. */
public enum Storage {
    /** Lives in the JVM's memory and dies with it. */
    MEMORY,
    /** An embedded database in a local file or directory. */
    FILE,
    /** A database server reached over TCP or a unix socket. */
    SERVER,
    /** A throwaway container started by Testcontainers' JDBC driver. */
    CONTAINER,
    /** Nothing reliable could be parsed. */
    UNKNOWN
}
