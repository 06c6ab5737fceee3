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
 * @param testClass   the one test class that sees it because of its own annotations, e.g.
 *                    {@code MySqlIntegrationTests (src/test/java/.../MySqlIntegrationTests.java:38)}; null when every
 *                    test of the run sees it
 * @param activation  why the configuration holding it is in effect for that test class, e.g.
 *                    {@code profile mysql from @ActiveProfiles}; null when nothing class-specific made it so
 * @param replacedBy  what replaces this datasource at runtime for that test class (a Testcontainers
 *                    {@code @ServiceConnection}, an embedded test database...), so the tests never open this URL;
 *                    null when the tests use it
 */
public record DiscoveredUrl(
        String key,
        String url,
        Provenance provenance,
        String testRun,
        Credentials credentials,
        boolean unresolved,
        String testClass,
        String activation,
        String replacedBy) {

    public DiscoveredUrl {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    public DiscoveredUrl(String key, String url, Provenance provenance, String testRun, Credentials credentials,
                         boolean unresolved) {
        this(key, url, provenance, testRun, credentials, unresolved, null, null, null);
    }

    public static DiscoveredUrl of(String key, String url, Provenance provenance, String testRun) {
        return new DiscoveredUrl(key, url, provenance, testRun, Credentials.NONE, Placeholders.hasPlaceholder(url));
    }

    public DiscoveredUrl withCredentials(Credentials newCredentials) {
        return new DiscoveredUrl(key, url, provenance, testRun, newCredentials, unresolved, testClass, activation,
                replacedBy);
    }

    /** This URL as one test class sees it: why its configuration applies and what, if anything, replaces it. */
    public DiscoveredUrl forTestClass(String newTestClass, String newActivation, String newReplacedBy) {
        return new DiscoveredUrl(key, url, provenance, testRun, credentials, unresolved, newTestClass, newActivation,
                newReplacedBy);
    }
}
