package dev.testguard.maven;

import java.util.Map;
import java.util.Properties;

/**
 * The password for a database named on the command line ({@code testguard.url}, {@code provisionUrl}). It is no mojo
 * parameter on purpose: Maven prints every parameter's value under {@code mvn -X} ({@code (f) password = ...}), so it
 * is read at execution time from {@code -Dtestguard.password} (the session's user properties), a system property of
 * that name, or the environment variable {@code TESTGUARD_PASSWORD}, in that order.
 */
final class CommandLinePassword {

    static final String PROPERTY = "testguard.password";
    static final String ENVIRONMENT = "TESTGUARD_PASSWORD";

    private CommandLinePassword() {
    }

    /** The first non-blank of the three, or null. */
    static String of(Properties userProperties, Properties systemProperties, Map<String, String> environment) {
        for (String candidate : new String[] {property(userProperties), property(systemProperties),
                environment == null ? null : environment.get(ENVIRONMENT)}) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    private static String property(Properties properties) {
        return properties == null ? null : properties.getProperty(PROPERTY);
    }

    /**
     * {@code -D<name>} (the session's user properties), else a system property of that name, or null when blank: for
     * the URL parameters, which may carry a password and so are read when the goal runs, not bound by Maven.
     */
    static String value(Properties userProperties, Properties systemProperties, String name) {
        for (Properties properties : new Properties[] {userProperties, systemProperties}) {
            String candidate = properties == null ? null : properties.getProperty(name);
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }
}
