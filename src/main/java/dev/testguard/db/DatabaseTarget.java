package dev.testguard.db;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;

/**
 * One database to act on: its URL and the credentials to use. Credentials given here win over
 * a user or password written in the URL. {@link #toString()} is safe to print.
 */
public record DatabaseTarget(JdbcUrl url, Credentials credentials) {

    public DatabaseTarget {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    /** The credentials to connect with: explicit ones first, then those in the URL. */
    public Credentials effectiveCredentials() {
        return credentials.orElse(new Credentials(url.user(), url.password()));
    }

    public String databaseName() {
        return url.databaseName();
    }

    @Override
    public String toString() {
        return url.masked();
    }
}
