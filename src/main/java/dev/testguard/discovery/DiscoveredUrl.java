package dev.testguard.discovery;

import dev.testguard.jdbc.Credentials;

/**
 * One JDBC URL that a test run will see.
 *
 * @param key         the property or variable that holds it ({@code spring.datasource.url}, {@code DATABASE_URL})
 * @param url         the value after placeholder resolution, converted to {@code jdbc:} form when it was
 *                    URL-style ({@code postgres://...}); may still hold {@code ${...}} when unresolvable
 * @param provenance  where the winning value was written
 * @param testRun     which test run sees it, e.g. {@code maven-surefire-plugin:default-test}; null for build-time uses
 * @param credentials the user and password configured next to it ({@code spring.datasource.username}...), or
 *                    {@link Credentials#NONE}
 * @param unresolved  true when a placeholder in the value could not be resolved
 */
public record DiscoveredUrl(
        String key,
        String url,
        Provenance provenance,
        String testRun,
        Credentials credentials,
        boolean unresolved) {

    public DiscoveredUrl {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    public static DiscoveredUrl of(String key, String url, Provenance provenance, String testRun) {
        return new DiscoveredUrl(key, url, provenance, testRun, Credentials.NONE, Placeholders.hasPlaceholder(url));
    }

    public DiscoveredUrl withCredentials(Credentials newCredentials) {
        return new DiscoveredUrl(key, url, provenance, testRun, newCredentials, unresolved);
    }
}
