package dev.testguard.maven;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import org.apache.maven.plugin.MojoFailureException;

/** The server provision and release work on, from their {@code provisionUrl} parameter. */
final class ProvisionServer {

    private ProvisionServer() {
    }

    /**
     * The server of {@code mojo}: its configured {@code provisionUrl}, else {@code -Dtestguard.provisionUrl} read as the
     * goal runs (never a bound parameter, so {@code mvn -X} does not print a password in it), with the goal's credentials.
     */
    static DatabaseTarget of(AbstractDatabaseMojo mojo, String provisionUrl) throws MojoFailureException {
        return of(mojo.urlParameter(provisionUrl, "testguard.provisionUrl"), mojo.goal(), mojo.explicitCredentials());
    }

    private static DatabaseTarget of(String provisionUrl, String goal, Credentials credentials) throws MojoFailureException {
        if (provisionUrl == null || provisionUrl.isBlank()) {
            throw new MojoFailureException("testguard:" + goal + " needs the server to create test databases on: set"
                    + " <provisionUrl>jdbc:postgresql://localhost:5432/postgres</provisionUrl> in the plugin configuration,"
                    + " or -Dtestguard.provisionUrl=...");
        }
        try {
            return new DatabaseTarget(JdbcUrlParser.parse(provisionUrl.trim()), credentials);
        } catch (JdbcUrlException e) {
            throw new MojoFailureException("testguard:" + goal + ": provisionUrl: " + e.getMessage(), e);
        }
    }
}
