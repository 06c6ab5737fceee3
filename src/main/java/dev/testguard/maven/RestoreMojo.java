package dev.testguard.maven;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupIds;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.RowCheck;
import dev.testguard.backup.Manifest;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.Secrets;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Restores a backup over its database (or {@code -Dtestguard.restoreTo=<other>} on the same server). Destructive:
 * needs {@code -Dtestguard.confirm=<database name>}. The current content is kept as a safety copy (a renamed database or
 * schema, or a safety backup) and put back if any step fails. Without {@code -Dtestguard.backupId}: the newest backup of
 * that database; without {@code -Dtestguard.url}: the database the backup's manifest names.
 */
@Mojo(name = "restore", requiresProject = false, threadSafe = true)
public class RestoreMojo extends AbstractBackupMojo {

    /** The backup to restore: an id from {@code testguard:backups}, or {@code latest}. */
    @Parameter(property = "testguard.backupId", defaultValue = "latest")
    protected String backupId;

    /** Must name the database being overwritten. */
    @Parameter(property = "testguard.confirm")
    protected String confirm;

    /** Restore into this database on the same server instead of the backed-up one. */
    @Parameter(property = "testguard.restoreTo")
    protected String restoreTo;

    /** Above this many estimated rows an unstamped database holds real data: overwriting it needs {@link #confirm} (always asked). */
    @Parameter(property = "testguard.maxRows", defaultValue = "10000")
    protected long maxRows;

    /**
     * After a verified restore over an existing PostgreSQL (swap) or MySQL/MariaDB database, how many safety copies of
     * earlier restores into the same database to keep besides the one this restore made; older ones that testguard marked
     * as its own are dropped. {@code 0}: keep only this restore's. Never applied when the restore fails.
     */
    @Parameter(property = "testguard.keepSafetyCopies", defaultValue = "1")
    protected int keepSafetyCopies;

    @Override
    protected void run() throws MojoFailureException {
        BackupStore store = store();
        try {
            String id = BackupIds.validateUserInput(backupId);
            DatabaseTarget target = commandLineTarget();
            if (target == null) {
                target = targetOf(store.resolve(id, null).manifest());
            }
            RestoreCommand command = new RestoreCommand(store,
                    new BackupCommand(store, new RetentionPolicy(0, 0, null), options(), progress()), options(), progress(),
                    DatabaseAdmins::forTarget, BackupCommand.DEFAULT_LOCK_WAIT, maxRows).keepSafetyCopies(keepSafetyCopies);
            RestoreCommand.Result r = command.run(id, target, blankToNull(restoreTo), blankToNull(confirm));
            getLog().info("testguard: restored " + r.restored().id() + " into '" + r.database() + "'"
                    + (r.safetyCopy() == null ? "" : "; its previous state is " + r.safetyCopy()));
            if (r.content() != null) {
                getLog().info("testguard: row counts match the manifest; " + r.content().checksummed() + " of "
                        + r.rows().size() + " tables content-checksum-verified");
            }
            for (String line : RowCheck.table(r.rows())) {
                getLog().info(line);
            }
            if (!r.rowsMatch()) {
                throw new MojoFailureException("testguard: the restored row counts differ from the backup's manifest (see the"
                        + " table above). The database's previous state is backup "
                        + (r.safetyCopy() == null ? "(none: it did not exist)" : r.safetyCopy()) + ".");
            }
        } catch (BackupException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("testguard: " + e.getMessage(), e);
        }
    }

    /**
     * Without {@code -Dtestguard.url}: the configured {@code <protectedDatabases>} entry of that name, else the URL the
     * backup's manifest recorded (with the command line's or settings.xml's credentials).
     */
    private DatabaseTarget targetOf(Manifest manifest) throws MojoFailureException {
        String name = manifest.database().name();
        for (DatabaseTarget t : configuredTargets()) {
            if (name.equals(t.databaseName())) {
                return t;
            }
        }
        String recorded = manifest.database().maskedUrl();
        if (recorded == null || recorded.contains(Secrets.MASK)) {
            return targetNamed(name); // fails naming the way forward
        }
        try {
            return new DatabaseTarget(JdbcUrlParser.parse(recorded), explicitCredentials());
        } catch (JdbcUrlException e) {
            return targetNamed(name);
        }
    }
}
