package dev.testguard.maven;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.MainDatasourceSelection;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.verify.MainDatasourceLocator;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Backs up the protected databases: {@code -Dtestguard.url} alone when given, else {@code <protectedDatabases>} plus
 * the application's main datasource when it is local and neither a test nor an ephemeral database.
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

    /** Name tokens that make the main datasource a test database (not backed up). Same as verify's; default {@code test, tests, testing}. */
    @Parameter(property = "testguard.testTokens")
    protected List<String> testTokens;

    /** Name tokens that make a database real data. Same as verify's; default {@code prod, dev, main, ...}. */
    @Parameter(property = "testguard.forbiddenTokens")
    protected List<String> forbiddenTokens;

    @Override
    protected void run() throws MojoFailureException {
        List<DatabaseTarget> targets = new ArrayList<>();
        DatabaseTarget cli = commandLineTarget();
        if (cli == null) {
            for (DatabaseTarget t : configuredTargets()) {
                getLog().info("testguard: backing up " + t + ": listed in <protectedDatabases>");
                targets.add(t);
            }
            for (DatabaseTarget t : discoveredMainDatasources()) {
                if (targets.stream().anyMatch(c -> sameDatabase(c, t))) {
                    getLog().info("testguard: the main datasource " + t + " is already in <protectedDatabases>");
                } else {
                    targets.add(t);
                }
            }
        } else {
            getLog().info("testguard: backing up " + cli + ": named by -Dtestguard.url");
            targets.add(cli);
        }
        if (targets.isEmpty()) {
            // nothing is at risk, so nothing fails: a build (or a hook) that always runs backup stays green
            getLog().warn("testguard: nothing to back up" + (boundToPhase() ? " before this build's tests" : "")
                    + ": no -Dtestguard.url, no <protectedDatabases>, and no local non-test main datasource. Name one with"
                    + " -Dtestguard.url=<jdbc url> or list it in the plugin's <protectedDatabases>.");
            return;
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
     * The application's main datasource (from {@code src/main/resources}), when it is on this machine and neither a
     * test nor an ephemeral database. Logs the decision either way.
     */
    protected List<DatabaseTarget> discoveredMainDatasources() {
        if (project == null || project.getFile() == null) {
            getLog().info("testguard: no project here, so no main datasource to discover");
            return List.of();
        }
        MainDatasourceSelection.Choice choice = MainDatasourceSelection.choose(
                new MainDatasourceLocator(ProjectReading.sources()).locate(ProjectReading.layout(project)),
                ProjectReading.settings(project, false, testTokens, forbiddenTokens));
        getLog().info("testguard: " + (choice.included() ? "backing up " : "not backing up ") + choice.reason());
        return choice.included() ? List.of(choice.target()) : List.of();
    }

    private static boolean sameDatabase(DatabaseTarget a, DatabaseTarget b) {
        return a.url().vendor() == b.url().vendor() && a.url().hosts().equals(b.url().hosts())
                && java.util.Objects.equals(a.databaseName(), b.databaseName())
                && java.util.Objects.equals(a.url().filePath(), b.url().filePath());
    }

    /** True when bound in the pom to a lifecycle phase (paranoia mode), not called as {@code testguard:backup}. */
    private boolean boundToPhase() {
        return mojoExecution != null && mojoExecution.getLifecyclePhase() != null;
    }
}
