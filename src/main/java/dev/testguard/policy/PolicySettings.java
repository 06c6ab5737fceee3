package dev.testguard.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The knobs of the classification rules, as the verify goal configures them.
 *
 * @param testTokens       a database name must hold one of these tokens (compared case-insensitively)
 * @param forbiddenTokens  a database name must hold none of these tokens
 * @param allowedHosts     hosts (exact, or {@code *.example.com}) accepted besides loopback
 * @param allowDatabases   overrides: {@code host:port/db}, {@code host/db} (vendor's default port) or an absolute
 *                         file-database path; each names one exact database
 * @param ci               true when the build runs in CI ({@code CI=true}): single-label service hosts count as local
 * @param baseDirectory    the forked test JVM's working directory: relative file-database paths resolve against it
 * @param buildDirectory   the project's build directory ({@code target}); file databases under it are ephemeral
 * @param tempDirectory    {@code java.io.tmpdir}; file databases under it (outside the project) are ephemeral
 * @param userHome         what {@code ~} means in a file-database path
 * @param maxRows          an unstamped reachable database with more estimated rows than this is protected
 */
public record PolicySettings(
        Set<String> testTokens,
        Set<String> forbiddenTokens,
        List<String> allowedHosts,
        List<String> allowDatabases,
        boolean ci,
        Path baseDirectory,
        Path buildDirectory,
        Path tempDirectory,
        Path userHome,
        long maxRows) {

    public static final List<String> DEFAULT_TEST_TOKENS = List.of("test", "tests", "testing");
    public static final List<String> DEFAULT_FORBIDDEN_TOKENS = List.of("prod", "production", "prd", "live", "dev",
            "develop", "development", "staging", "stage", "uat", "preprod", "master", "main");
    public static final long DEFAULT_MAX_ROWS = 10_000;

    public PolicySettings {
        testTokens = lowerCased(testTokens);
        forbiddenTokens = lowerCased(forbiddenTokens);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowDatabases = allowDatabases == null ? List.of() : List.copyOf(allowDatabases);
    }

    /**
     * The defaults for a project: default tokens, no allowed hosts or databases, {@code maxRows} 10000,
     * temp directory and user home from this JVM.
     */
    public static PolicySettings defaults(Path baseDirectory, Path buildDirectory, boolean ci) {
        return new PolicySettings(new LinkedHashSet<>(DEFAULT_TEST_TOKENS), new LinkedHashSet<>(DEFAULT_FORBIDDEN_TOKENS), List.of(),
                List.of(), ci, baseDirectory, buildDirectory, Path.of(System.getProperty("java.io.tmpdir")),
                Path.of(System.getProperty("user.home")), DEFAULT_MAX_ROWS);
    }

    public PolicySettings withAllowedHosts(List<String> hosts) {
        return new PolicySettings(testTokens, forbiddenTokens, hosts, allowDatabases, ci, baseDirectory,
                buildDirectory, tempDirectory, userHome, maxRows);
    }

    public PolicySettings withAllowDatabases(List<String> databases) {
        return new PolicySettings(testTokens, forbiddenTokens, allowedHosts, databases, ci, baseDirectory,
                buildDirectory, tempDirectory, userHome, maxRows);
    }

    /** These settings plus the entries of a comma-separated list such as {@code -Dtestguard.allow}. */
    public PolicySettings plusAllowDatabases(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return this;
        }
        List<String> all = new ArrayList<>(allowDatabases);
        for (String entry : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                all.add(entry.trim());
            }
        }
        return withAllowDatabases(all);
    }

    public PolicySettings withTokens(Set<String> newTestTokens, Set<String> newForbiddenTokens) {
        return new PolicySettings(newTestTokens, newForbiddenTokens, allowedHosts, allowDatabases, ci, baseDirectory,
                buildDirectory, tempDirectory, userHome, maxRows);
    }

    public PolicySettings withMaxRows(long newMaxRows) {
        return new PolicySettings(testTokens, forbiddenTokens, allowedHosts, allowDatabases, ci, baseDirectory,
                buildDirectory, tempDirectory, userHome, newMaxRows);
    }

    public PolicySettings withDirectories(Path newBase, Path newBuild, Path newTemp, Path newUserHome) {
        return new PolicySettings(testTokens, forbiddenTokens, allowedHosts, allowDatabases, ci, newBase, newBuild,
                newTemp, newUserHome, maxRows);
    }

    private static Set<String> lowerCased(Set<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        if (tokens != null) {
            for (String token : tokens) {
                if (token != null && !token.isBlank()) {
                    out.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
