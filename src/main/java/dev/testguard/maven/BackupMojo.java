package dev.testguard.maven;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Backs up the protected databases: {@code -Dtestguard.url} alone when given, else {@code <protectedDatabases>}.
 * No default phase; for a backup before this one run's tests: {@code mvn testguard:backup verify}.
 */
@Mojo(name = "backup", requiresProject = false, threadSafe = true)
public class BackupMojo extends AbstractBackupMojo {

    /** Retention: keep this many newest backups of each database (OR-ed with keepDaily; both 0 keeps everything). */
    @Parameter(property = "testguard.keepLast", defaultValue = "10")
    protected int keepLast;

    /** Retention: keep the newest backup of each of this many most recent days that have backups. */
    @Parameter(property = "testguard.keepDaily", defaultValue = "30")
    protected int keepDaily;

    @Override
    protected void run() throws MojoFailureException {
        List<DatabaseTarget> targets = new ArrayList<>();
        DatabaseTarget cli = commandLineTarget();
        if (cli != null) {
            targets.add(cli);
        } else {
            targets.addAll(configuredTargets());
            targets.addAll(discoveredMainDatasources());
        }
        if (targets.isEmpty()) {
            throw new MojoFailureException("testguard: no database to back up. Name one with -Dtestguard.url=<jdbc url>,"
                    + " or list them in the plugin's <protectedDatabases>.");
        }
        if (keepLast < 0 || keepDaily < 0) {
            throw new MojoFailureException("testguard: keepLast and keepDaily must be 0 or more (0 and 0 keeps every backup).");
        }
        BackupCommand command = new BackupCommand(store(), new RetentionPolicy(keepLast, keepDaily, null), options(), progress());
        try {
            for (Manifest m : command.run(targets)) {
                getLog().info("testguard: backed up " + m.database().maskedUrl() + " as " + m.id());
            }
        } catch (BackupException e) {
            throw failure(e);
        }
    }

    /**
     * Hook: the application's main datasource, when it is on a local host and neither a test nor an ephemeral
     * database. Empty until discovery is wired in.
     */
    protected List<DatabaseTarget> discoveredMainDatasources() {
        return List.of();
    }
}
