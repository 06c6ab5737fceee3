package dev.testguard.maven;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Progress;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Parameters backup, restore and verify-backup share: where the store is, which databases, which client tools. */
abstract class AbstractBackupMojo extends AbstractDatabaseMojo {

    /**
     * The one database to act on, e.g. {@code -Dtestguard.url=jdbc:postgresql://localhost:5432/orders}.
     * The {@code -D} form is read when the goal runs, not bound by Maven, so {@code mvn -X} never prints a password in it.
     */
    @Parameter
    protected String url;

    /** Where backups live. Default {@code ~/.testguard/backups/<groupId>/<artifactId>/}. */
    @Parameter(property = "testguard.backupDir")
    protected String backupDir;

    /**
     * Databases worth backing up: {@code <database>} entries with {@code <url>} and optional {@code <serverId>} (or
     * {@code <username>}/{@code <password>}: a password written in the POM shows in {@code mvn -X}'s configuration
     * dump, so prefer a settings.xml server), or a plain URL as the entry's text.
     */
    @Parameter
    protected List<ProtectedDatabase> protectedDatabases;

    /** Parallel jobs: above 1, PostgreSQL backups use pg_dump's directory format with that many jobs; restores use them too. */
    @Parameter(property = "testguard.jobs", defaultValue = "1")
    protected int jobs;

    /** The pg_dump binary (pg_restore is taken from the same directory); default: found on the PATH. */
    @Parameter(property = "testguard.pgDumpPath")
    protected String pgDumpPath;

    protected BackupStore store() throws MojoFailureException {
        return BackupStores.of(backupDir, project);
    }

    protected BackupOptions options() {
        return new BackupOptions(Math.max(1, jobs), blankToNull(pgDumpPath) == null ? null : Path.of(pgDumpPath.trim()));
    }

    protected Progress progress() {
        return line -> getLog().info(line);
    }

    /** {@code -Dtestguard.url} with the command line's or settings.xml's credentials, or null when not given. */
    protected DatabaseTarget commandLineTarget() throws MojoFailureException {
        String given = urlParameter(url, "testguard.url");
        if (given == null) {
            return null;
        }
        return new DatabaseTarget(parse(given), explicitCredentials());
    }

    /** The configured {@code <protectedDatabases>}, each with its own credentials. */
    protected List<DatabaseTarget> configuredTargets() throws MojoFailureException {
        List<DatabaseTarget> out = new ArrayList<>();
        if (protectedDatabases == null) {
            return out;
        }
        for (ProtectedDatabase db : protectedDatabases) {
            if (db == null || blankToNull(db.getUrl()) == null) {
                throw new MojoFailureException("testguard: a <database> in <protectedDatabases> has no <url>. Write"
                        + " <database><url>jdbc:postgresql://localhost:5432/orders</url></database>.");
            }
            Credentials creds = new Credentials(blankToNull(db.getUsername()), blankToNull(db.getPassword()));
            if (blankToNull(db.getServerId()) != null) {
                creds = creds.orElse(serverCredentials(db.getServerId()));
            }
            out.add(new DatabaseTarget(parse(db.getUrl().trim()), creds));
        }
        return out;
    }

    /** The database the backup goals act on when only a database name is known (from a manifest). */
    protected DatabaseTarget targetNamed(String databaseName) throws MojoFailureException {
        DatabaseTarget cli = commandLineTarget();
        if (cli != null) {
            return cli;
        }
        for (DatabaseTarget t : configuredTargets()) {
            if (databaseName.equals(t.databaseName())) {
                return t;
            }
        }
        throw new MojoFailureException("testguard: which server holds database '" + databaseName + "'? Name it with"
                + " -Dtestguard.url=jdbc:postgresql://<host>:<port>/" + databaseName + " (credentials: -Dtestguard.username,"
                + " -Dtestguard.password or -Dtestguard.serverId), or list it in <protectedDatabases>.");
    }

    private static JdbcUrl parse(String raw) throws MojoFailureException {
        try {
            return JdbcUrlParser.parse(raw);
        } catch (JdbcUrlException e) {
            throw new MojoFailureException("testguard: " + e.getMessage(), e);
        }
    }

    protected static MojoFailureException failure(BackupException e) {
        return new MojoFailureException("testguard: " + e.getMessage(), e);
    }
}
