package dev.testguard.maven;

import dev.testguard.jdbc.Credentials;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that log in to a database they are told about: the user name, or a settings.xml {@code <server>}. The
 * password is deliberately not a parameter (see {@link CommandLinePassword}).
 */
public abstract class AbstractDatabaseMojo extends AbstractTestguardMojo {

    /**
     * User name for the database named on the command line; overrides a user in the URL. Its password comes from
     * {@code -Dtestguard.password} or the {@code TESTGUARD_PASSWORD} environment variable, read when the goal runs
     * (never a parameter, so {@code mvn -X} cannot print it); prefer {@link #serverId}.
     */
    @Parameter(property = "testguard.username")
    protected String username;

    /** Id of a {@code <server>} in settings.xml whose username and (possibly encrypted) password are used. */
    @Parameter(property = "testguard.serverId")
    protected String serverId;

    /** {@code username}, {@code -Dtestguard.password} / {@code TESTGUARD_PASSWORD}, or the {@code serverId} server's. */
    protected Credentials explicitCredentials() throws MojoFailureException {
        return credentials(username, serverId);
    }
}
