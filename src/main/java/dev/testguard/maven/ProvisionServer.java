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

    static DatabaseTarget of(String provisionUrl, String goal, Credentials credentials) throws MojoFailureException {
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
