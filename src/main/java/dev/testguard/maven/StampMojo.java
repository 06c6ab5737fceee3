package dev.testguard.maven;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.probe.Stamp;
import dev.testguard.probe.StampException;
import dev.testguard.probe.Stamper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes an identity stamp into one database, so that testguard knows it for what it is whatever its name or host:
 * {@code mvn testguard:stamp -Dtestguard.url=jdbc:postgresql://localhost/orders -Dtestguard.role=protected}.
 * A database stamped {@code protected} is never treated as a test database; one stamped {@code test} is.
 * The stamp lives inside the database (PostgreSQL: the database comment; MySQL/MariaDB and SQLite: a
 * {@code testguard_stamp} table; H2: a {@code TESTGUARD} schema) and records role, time, who and which project.
 * <p>
 * Credentials: {@code username} ({@code testguard.username}) with {@code -Dtestguard.password} or the
 * {@code TESTGUARD_PASSWORD} environment variable, or {@code serverId} ({@code testguard.serverId}, a {@code <server>}
 * in settings.xml).
 */
@Mojo(name = "stamp", requiresProject = false, threadSafe = true)
public class StampMojo extends AbstractDatabaseMojo {

    /**
     * The database to stamp (required): {@code -Dtestguard.url=<jdbc url>}, or {@code <url>} in the plugin configuration.
     * The {@code -D} form is read when the goal runs, not bound by Maven, so {@code mvn -X} never prints a password in it.
     */
    @Parameter
    String url;

    /** How long the connection may wait for the database to answer, in milliseconds. */
    @Parameter(property = "testguard.connectTimeout", defaultValue = "2000")
    int connectTimeout;

    /** The role to stamp: {@code test} or {@code protected}. */
    @Parameter(property = "testguard.role", required = true)
    private String role;

    /**
     * The database's name, repeated to confirm stamping as {@code test} a database that holds more than
     * {@link #maxRows} rows or is stamped {@code protected}.
     */
    @Parameter(property = "testguard.confirm")
    private String confirm;

    /** Above this many estimated rows a database looks like real data, and stamping it {@code test} needs {@link #confirm}. */
    @Parameter(property = "testguard.maxRows", defaultValue = "10000")
    private long maxRows;

    @Override
    protected void run() throws MojoFailureException {
        String given = urlParameter(url, "testguard.url");
        if (given == null) {
            throw new MojoFailureException("testguard:stamp needs the database to stamp: add -Dtestguard.url=<jdbc url>,"
                    + " e.g. mvn testguard:stamp -Dtestguard.url=jdbc:postgresql://localhost:5432/app_test -Dtestguard.role=test,"
                    + " or set <url> in the plugin's configuration.");
        }
        Stamp.Role stampRole;
        JdbcUrl jdbcUrl;
        try {
            stampRole = Stamp.Role.parse(role);
            jdbcUrl = JdbcUrlParser.parse(given);
        } catch (IllegalArgumentException | JdbcUrlException e) {
            throw new MojoFailureException("testguard:stamp: " + e.getMessage(), e);
        }
        DatabaseTarget target = new DatabaseTarget(jdbcUrl, explicitCredentials());
        Stamper stamper = new Stamper(Clock.systemUTC(), Stamper.currentUser(), baseDir());
        try {
            Stamp stamp = stamper.stamp(target, stampRole, projectCoordinates(), blankToNull(confirm), maxRows,
                    Duration.ofMillis(connectTimeout));
            getLog().info("Stamped " + jdbcUrl.masked() + " as " + stamp.role().label() + " (by " + stamp.stampedBy()
                    + (stamp.project() == null ? "" : ", project " + stamp.project()) + ")");
        } catch (StampException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private String projectCoordinates() {
        if (project == null || "standalone-pom".equals(project.getArtifactId())) {
            return null;
        }
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    private Path baseDir() {
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath();
        }
        return Path.of(System.getProperty("user.dir"));
    }
}
