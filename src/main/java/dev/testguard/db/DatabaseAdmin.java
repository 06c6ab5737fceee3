package dev.testguard.db;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Administrative operations on one database server (or, for embedded engines, one file location),
 * shared by backup, restore, verify-backup, reset and provision. One implementation per vendor family.
 */
public interface DatabaseAdmin {

    /** The server's version as it reports it, e.g. {@code 15.20} or {@code 10.11.19-MariaDB}. */
    String serverVersion() throws SQLException;

    boolean exists(String database) throws SQLException;

    /** Creates an empty database. */
    void create(String database) throws SQLException;

    /** Drops a database if it exists, ending other sessions on it first where the server needs that. */
    void drop(String database) throws SQLException;

    /** The same server, another database: for restores into a new or scratch database. */
    DatabaseTarget sibling(String database);

    /** Exact row count of every user table, keyed by {@code schema.table} (or {@code table} where there are no schemas), sorted. */
    Map<String, Long> exactRowCounts(String database) throws SQLException;

    /** User tables, as keyed in {@link #exactRowCounts(String)}. */
    List<String> tables(String database) throws SQLException;

    /**
     * Takes the server-side lock on {@code database} (which need not exist), waiting at most {@code wait}; destructive
     * goals hold it while they work. Embedded engines have no server to hold it: they get {@link DatabaseLock#NONE}.
     *
     * @throws DatabaseLock.Busy when another run held it all that time
     */
    default DatabaseLock lock(String database, java.time.Duration wait) throws SQLException {
        return DatabaseLock.NONE;
    }

    /** Waits until the caller may take a database's lock (it holds the locks that come first); throws when it never may. */
    @FunctionalInterface
    interface Turn {
        void await() throws SQLException;
    }

    /** A database's lock, held, and what was found under it. */
    record Locked(DatabaseLock lock, boolean existed, boolean created) {
    }

    /**
     * Once {@code turn} allows it, {@link #lock} on {@code database}, then, under it, whether it exists, and with
     * {@code createIfMissing} {@link #create} when it does not. What touches nothing (opening a connection) may happen
     * before {@code turn} allows: servers do it on the lock's own connection, opened while the caller takes its other locks.
     */
    default Locked lockThenCreateIfMissing(String database, java.time.Duration wait, Turn turn, boolean createIfMissing)
            throws SQLException {
        turn.await();
        DatabaseLock lock = lock(database, wait);
        try {
            boolean existed = exists(database);
            if (!existed && createIfMissing) {
                create(database);
            }
            return new Locked(lock, existed, !existed && createIfMissing);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Writes {@code token} (lowercase hex) into {@code database}, which this run has just created, where the tests are
     * unlikely to remove it: the proof, at release, that this build created it.
     */
    default void writeProvisionToken(String database, String token) throws SQLException {
        throw new SQLException("testguard provisions databases on PostgreSQL, MySQL and MariaDB servers only");
    }

    /** The token {@link #writeProvisionToken} wrote into {@code database}, or empty when it holds none. */
    default java.util.Optional<String> provisionToken(String database) throws SQLException {
        return java.util.Optional.empty();
    }

    /** Names of the databases on the server that start with {@code prefix} (none for embedded engines). */
    default List<String> databasesStartingWith(String prefix) throws SQLException {
        return List.of();
    }

    /** The copies that restores kept of {@code database}'s previous content, marked or merely named like one (none for embedded engines). */
    default List<SafetyCopy> safetyCopies(String database) throws SQLException {
        return List.of();
    }

    /** The SQL statement, identifier quoted, that drops {@code database}: to paste into the vendor's client. */
    default String dropStatement(String database) {
        return "DROP DATABASE " + database + ";";
    }

    /** Refuses anything but a lowercase hex token, so that it goes into SQL as it is. */
    static String checkedToken(String token) {
        if (token == null || !token.matches("[0-9a-f]{16,64}")) {
            throw new IllegalArgumentException("not a provision token: " + token);
        }
        return token;
    }
}
