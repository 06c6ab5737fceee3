package dev.testguard.maven;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupListing;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.StoredBackup;
import java.time.ZoneId;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the complete backups in the store: id, database, engine, time, size, verified. */
@Mojo(name = "backups", requiresProject = false, threadSafe = true)
public class BackupsMojo extends AbstractTestguardMojo {

    /** Where backups live. Default {@code ~/.testguard/backups/<groupId>/<artifactId>/}; relative to the module. */
    @Parameter(property = "testguard.backupDir")
    private String backupDir;

    @Override
    protected void run() throws MojoFailureException {
        BackupStore store = BackupStores.of(backupDir, project);
        try {
            List<StoredBackup> all = store.list();
            if (all.isEmpty()) {
                getLog().info("testguard: no backups in " + store.root());
                return;
            }
            getLog().info("testguard: " + all.size() + " backup(s) in " + store.root());
            for (String line : BackupListing.lines(all, ZoneId.systemDefault())) {
                getLog().info(line);
            }
        } catch (BackupException e) {
            throw new MojoFailureException("testguard: " + e.getMessage(), e);
        }
    }
}
