package dev.testguard.maven;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupIds;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RowCheck;
import dev.testguard.backup.VerifyBackupCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Restores a backup into a scratch database on the same server, compares row counts, records the result. */
@Mojo(name = "verify-backup", requiresProject = false, threadSafe = true)
public class VerifyBackupMojo extends AbstractBackupMojo {

    /** The backup to verify: an id from {@code testguard:backups}, or {@code latest}. */
    @Parameter(property = "testguard.backupId", defaultValue = "latest")
    protected String backupId;

    @Override
    protected void run() throws MojoFailureException {
        BackupStore store = store();
        try {
            String id = BackupIds.validateUserInput(backupId);
            String database = commandLineTarget() != null ? commandLineTarget().databaseName()
                    : store.resolve(id, null).manifest().database().name();
            VerifyBackupCommand.Result r = new VerifyBackupCommand(store, options(), progress()).run(id, targetNamed(database));
            for (String line : RowCheck.table(r.rows())) {
                getLog().info(line);
            }
            Manifest.Verification v = r.backup().manifest().verification();
            if (!r.passed()) {
                throw new MojoFailureException("testguard: backup " + r.backup().id() + " FAILED verification: " + v.details());
            }
            getLog().info("testguard: backup " + r.backup().id() + " verified: " + v.details());
        } catch (BackupException e) {
            throw failure(e);
        }
    }
}
