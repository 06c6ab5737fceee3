package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;

/** The name the name rule judges: the database, or for a file database the file's base name. */
final class DatabaseNames {

    private DatabaseNames() {
    }

    /** The database's own name, without directories or database file suffix; null when the URL names none. */
    static String of(JdbcUrl url) {
        String name = url.databaseName();
        if (name == null || name.isBlank()) {
            name = url.filePath();
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.trim();
        // a path-like name (H2 tcp://host/~/orders_test, a file database) is judged by its last segment
        while (trimmed.endsWith("/") || trimmed.endsWith("\\")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String last = slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
        if (slash >= 0 || url.filePath() != null) {
            last = FilePaths.withoutDatabaseSuffix(last);
        }
        return last.isBlank() ? null : last;
    }
}
