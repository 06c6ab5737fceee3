package dev.testguard.jdbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Converts the URL-style values of {@code DATABASE_URL}-type variables ({@code postgres://user:pw@host:5432/db}) into a
 * JDBC URL plus the credentials they carried. The credentials never stay inside the produced JDBC URL.
 */
public final class UrlStyle {

    /** A JDBC URL free of credentials, and the credentials that were taken out of it. */
    public record Converted(String jdbcUrl, Credentials credentials) {
    }

    private static final Map<String, String> JDBC_PREFIX = Map.of(
            "postgres", "jdbc:postgresql://",
            "postgresql", "jdbc:postgresql://",
            "mysql", "jdbc:mysql://",
            "mysql2", "jdbc:mysql://",
            "mariadb", "jdbc:mariadb://");

    private UrlStyle() {
    }

    /**
     * The JDBC form of {@code value}; a {@code jdbc:} value unchanged; an R2DBC URL through {@link R2dbcUrls}; Vert.x
     * reactive URLs ({@code postgresql://...}, {@code vertx-reactive:mysql://...}); empty for anything else.
     */
    public static Optional<Converted> toJdbc(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (UrlText.startsWithIgnoreCase(trimmed, "jdbc:")) {
            return Optional.of(new Converted(trimmed, Credentials.NONE));
        }
        if (R2dbcUrls.isR2dbc(trimmed)) {
            return R2dbcUrls.toJdbc(trimmed);
        }
        if (UrlText.startsWithIgnoreCase(trimmed, "vertx-reactive:")) {
            trimmed = trimmed.substring("vertx-reactive:".length());
        }
        int schemeEnd = trimmed.indexOf("://");
        String prefix = schemeEnd < 0 ? null : JDBC_PREFIX.get(trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT));
        if (prefix == null) {
            return Optional.empty();
        }
        String rest = trimmed.substring(schemeEnd + 3);
        int question = rest.indexOf('?');
        String beforeQuery = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? null : rest.substring(question + 1);
        // The last '@' before the query ends the user info: raw '@' or '/' in a password must not leak into the host.
        int at = beforeQuery.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = beforeQuery.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = UrlText.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : UrlText.decode(userInfo.substring(colon + 1));
            beforeQuery = beforeQuery.substring(at + 1);
        }
        Map<String, String> credentialParameters = new LinkedHashMap<>();
        String keptQuery = query == null ? null : withoutCredentials(query, credentialParameters);
        if (user == null || user.isEmpty()) {
            user = credentialParameters.get("user");
        }
        if (password == null) {
            password = credentialParameters.get("password");
        }
        Credentials credentials = new Credentials(user == null || user.isEmpty() ? null : user, password);
        String jdbcUrl = prefix + beforeQuery + (keptQuery == null || keptQuery.isEmpty() ? "" : "?" + keptQuery);
        return Optional.of(new Converted(jdbcUrl, credentials));
    }

    /** A value a connection can be opened with directly: a JDBC or an R2DBC URL. */
    public static boolean isConnectionUrl(String value) {
        return value != null && (UrlText.startsWithIgnoreCase(value.strip(), "jdbc:") || R2dbcUrls.isR2dbc(value));
    }

    /** The query without its {@code user}/{@code password} pairs, which go (decoded) into {@code taken}. */
    private static String withoutCredentials(String query, Map<String, String> taken) {
        return java.util.Arrays.stream(query.split("&"))
                .filter(pair -> {
                    int eq = pair.indexOf('=');
                    String key = UrlText.lower(eq < 0 ? pair : pair.substring(0, eq));
                    if (key.equals("user") || key.equals("password")) {
                        taken.putIfAbsent(key, eq < 0 ? "" : UrlText.decodeQuery(pair.substring(eq + 1)));
                        return false;
                    }
                    return !pair.isEmpty();
                })
                .collect(Collectors.joining("&"));
    }
}
