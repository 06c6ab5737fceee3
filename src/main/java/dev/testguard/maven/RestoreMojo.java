package dev.testguard.maven;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupIds;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.RowCheck;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Restores a backup over its database (or {@code -Dtestguard.restoreTo=<other>} on the same server). Destructive:
 * needs {@code -Dtestguard.confirm=<database name>}; takes a safety backup of the current state first.
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

    @Override
    protected void run() throws MojoFailureException {
        BackupStore store = store();
        try {
            String id = BackupIds.validateUserInput(backupId);
            String database = commandLineTarget() != null ? commandLineTarget().databaseName()
                    : store.resolve(id, null).manifest().database().name();
            RestoreCommand command = new RestoreCommand(store,
                    new BackupCommand(store, new RetentionPolicy(0, 0, null), options(), progress()), options(), progress());
            RestoreCommand.Result r = command.run(id, targetNamed(database), blankToNull(restoreTo), blankToNull(confirm));
            getLog().info("testguard: restored " + r.restored().id() + " into '" + r.database() + "'"
                    + (r.safetyBackup() == null ? "" : "; its previous state is backup " + r.safetyBackup().id()));
            for (String line : RowCheck.table(r.rows())) {
                getLog().info(line);
            }
            if (!r.rowsMatch()) {
                throw new MojoFailureException("testguard: the restored row counts differ from the backup's manifest (see the"
                        + " table above). The database's previous state is backup "
                        + (r.safetyBackup() == null ? "(none: it did not exist)" : r.safetyBackup().id()) + ".");
            }
        } catch (BackupException e) {
            throw failure(e);
        }
    }
}
