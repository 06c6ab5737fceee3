package dev.testguard.jdbc;

import java.util.regex.Pattern;

/**
 * sqlite-jdbc: {@code jdbc:sqlite:path}, {@code jdbc:sqlite:file:path?k=v} (SQLite URI), {@code jdbc:sqlite::memory:},
 * {@code jdbc:sqlite:} (memory) and {@code jdbc:sqlite::resource:...}. Every form may carry {@code ?pragma=value}.
 */
final class SqliteUrls {

    static final String PREFIX = "jdbc:sqlite:";

    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(db|sqlite|sqlite3|db3)$");

    private SqliteUrls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.SQLITE);
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        if (question >= 0) {
            UrlText.queryParameters(rest.substring(question + 1), b.parameters);
            rest = rest.substring(0, question);
        }
        b.credentialsFromParameters("user", "password");
        boolean fileUri = UrlText.startsWithIgnoreCase(rest, "file:");
        String path = fileUri ? fileUriPath(rest.substring(5)) : rest;
        if (path.isEmpty() || path.equals(":memory:") || "memory".equalsIgnoreCase(b.parameterIgnoreCase("mode"))) {
            b.storage(Storage.MEMORY).databaseName = fileUri && !path.equals(":memory:") ? path : null;
        } else if (UrlText.startsWithIgnoreCase(path, ":resource:")) {
            // sqlite-jdbc copies the resource to a temporary file: the original is never written.
            b.storage(Storage.MEMORY).databaseName = nameOf(path.substring(":resource:".length()));
        } else {
            b.storage(Storage.FILE).filePath = path;
            b.databaseName = nameOf(path);
        }
        return b.build();
    }

    /** {@code file:///abs/x.db} and {@code file://localhost/abs/x.db} name {@code /abs/x.db}; escapes are decoded. */
    private static String fileUriPath(String uri) {
        String path = uri;
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            path = slash < 0 ? "" : path.substring(slash);
        }
        return UrlText.decode(path);
    }

    private static String nameOf(String path) {
        String last = UrlText.lastSegment(path);
        if (last != null && last.indexOf(':') >= 0) {
            last = last.substring(last.lastIndexOf(':') + 1);
        }
        return last == null ? null : EXTENSION.matcher(last).replaceFirst("");
    }
}
