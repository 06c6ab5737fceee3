package dev.testguard.backup;

import dev.testguard.db.SafetyCopy;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a database's safety copies live, as {@link SafetyCopyRetention} prunes them: on the server
 * ({@link ServerSafetyCopies}: renamed databases, safety schemas) or in the backup store ({@link StoredSafetyCopies}:
 * safety backups of in-place PostgreSQL restores, H2 and SQLite).
 */
interface SafetyCopyPlace {

    /** The copies of {@code database}, marked (proven testguard's own) or merely named like one. */
    List<SafetyCopy> list(String database) throws SQLException, BackupException;

    /** Drops one marked copy, after checking that it is still the very copy that was listed. */
    void drop(SafetyCopy copy) throws SQLException, BackupException;

    /** What a person runs to drop it by hand. */
    String dropStatement(SafetyCopy copy);

    /** How the statements are run, after "to drop them by hand, ". */
    String byHand();
}
