package dev.testguard.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A server-side lock on one database name, held by its own connection for as long as a destructive operation runs:
 * two builds (or two threads) that reset, restore or provision the same database take turns instead of dropping
 * and renaming under each other. Closing the connection releases it, so a killed build never leaves it held.
 */
public final class DatabaseLock implements AutoCloseable {

    /** For engines without a server (embedded files): nothing to hold. */
    public static final DatabaseLock NONE = new DatabaseLock(null);

    private final Connection holder;

    DatabaseLock(Connection holder) {
        this.holder = holder;
    }

    @Override
    public void close() throws SQLException {
        if (holder != null) {
            holder.close();
        }
    }

    /** Thrown when another run held the lock for longer than the caller was willing to wait. */
    public static final class Busy extends SQLException {
        public Busy(String database, long waitedSeconds) {
            super("another testguard run is working on " + database + " right now (waited " + waitedSeconds
                    + " s for it to finish). Run again once it is done.");
        }
    }

    /** 64 bits of SHA-256 of the database name: the same key in every JVM and on every host. */
    static long key(String database) {
        byte[] digest = sha256("testguard:" + database);
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    /** A lock name fit for MySQL's GET_LOCK (at most 64 characters). */
    static String name(String database) {
        return "testguard:" + java.util.HexFormat.of().formatHex(sha256(database)).substring(0, 40);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
