package dev.testguard.backup;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.guard.DestructiveRefusal;
import dev.testguard.jdbc.Secrets;
import dev.testguard.probe.DatabaseFacts;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Restores a backup over a database that exists without ever destroying its content before the new content is
 * restored and verified: the old content is first set aside in constant time (a renamed database, schemas or tables),
 * and put back if any step fails. One implementation per vendor that can do it.
 */
public interface ReplacingRestore {

    /** Takes a backup of the target's current state (for vendors that cannot set it aside whole). */
    interface SafetyBackup {
        StoredBackup take(DatabaseTarget target) throws BackupException;
    }

    /** The payload's SHA-256 check against its manifest, begun beside the restore's preparations. */
    interface PayloadCheck {
        /** Waits for the check; throws when the payload is corrupt. */
        void await() throws BackupException;
    }

    /**
     * @param payloadCheck awaited ({@link #payloadVerified}) before the first step that sets the target's content aside or
     *                     restores anything: until then only reads and a new database of the restore's own may happen
     */
    record Request(StoredBackup backup, BackupEngine engine, DatabaseTarget target, DestructiveGuard guard,
                   BackupOptions options, Progress progress, SafetyBackup safetyBackup, PayloadCheck payloadCheck) {

        /** A request whose payload was checked already. */
        public Request(StoredBackup backup, BackupEngine engine, DatabaseTarget target, DestructiveGuard guard,
                       BackupOptions options, Progress progress, SafetyBackup safetyBackup) {
            this(backup, engine, target, guard, options, progress, safetyBackup, () -> { });
        }

        /** Waits until the payload's SHA-256 matched its manifest; a corrupt payload throws (nothing of the target touched). */
        public void payloadVerified() throws BackupException {
            payloadCheck.await();
        }

        /** Reads stamp and rows over {@code work}, the connection that acts next, and refuses unless the guard allows. */
        public DatabaseFacts check(Connection work) throws BackupException {
            try {
                return guard.check(target, work, List.of());
            } catch (DestructiveRefusal e) {
                throw new BackupException(e.getMessage(), e);
            }
        }

        /** "restore of backup X into 'db' (url) failed while STEP: CAUSE. STATE" */
        public BackupException failed(String step, Exception cause, String state) {
            String why = Secrets.maskText(cause.getMessage(), target.effectiveCredentials().password());
            return new BackupException("restore of backup " + backup.id() + " into '" + target.databaseName() + "' ("
                    + target.url().masked() + ") failed while " + step + ": " + why + System.lineSeparator() + "    " + state, cause);
        }
    }

    /**
     * @param safetyCopy   where the previous content is now, for people
     * @param safetyBackup a backup of the previous content, when one was taken
     * @param safetyName   the database or schema now holding the previous content, when it is kept on the server; else null
     * @param safetyOid    the server's id of {@code safetyName} (PostgreSQL: its oid), recorded as testguard's marker; 0 if none
     */
    record Outcome(String safetyCopy, StoredBackup safetyBackup, RestoredContent content, String safetyName, long safetyOid) {
        public Outcome(String safetyCopy, StoredBackup safetyBackup, RestoredContent content, String safetyName) {
            this(safetyCopy, safetyBackup, content, safetyName, 0);
        }

        public Outcome(String safetyCopy, StoredBackup safetyBackup, RestoredContent content) {
            this(safetyCopy, safetyBackup, content, null);
        }
    }

    Outcome restoreOver(Request request) throws BackupException;

    /**
     * A short token for names of set-aside copies: the second, then 40 random bits, so that builds restoring one database
     * in the same second do not pick the same name (two random base-36 digits did, about once in 200 rounds of four).
     */
    static String token() {
        long random = ThreadLocalRandom.current().nextLong(1L << 40);
        return Long.toString(System.currentTimeMillis() / 1000, 36) + Long.toString(random, 36);
    }
}
