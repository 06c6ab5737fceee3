package dev.testguard.db;

/**
 * A copy of a database's previous content that a restore kept (PostgreSQL: a renamed database; MySQL/MariaDB: a safety
 * schema), found by its name.
 *
 * @param name         the database or schema name
 * @param marked       whether testguard's own marker proves that a finished restore made it for this database; only
 *                     marked copies are ever dropped automatically
 * @param madeAtMillis when it was made (epoch milliseconds); 0 when unknown
 * @param bytes        its size on disk; negative when the user may not read it
 * @param oid          the server's own id of it (PostgreSQL: {@code pg_database.oid}), which a look-alike made later under
 *                     the same name never has; 0 when the vendor has none
 */
public record SafetyCopy(String name, boolean marked, long madeAtMillis, long bytes, long oid) {

    public SafetyCopy(String name, boolean marked, long madeAtMillis, long bytes) {
        this(name, marked, madeAtMillis, bytes, 0);
    }

    /** The same copy, marked (by a record testguard kept elsewhere) at {@code madeAt}. */
    public SafetyCopy markedAt(long madeAt) {
        return new SafetyCopy(name, true, madeAtMillis > 0 ? madeAtMillis : madeAt, bytes, oid);
    }
}
