package dev.testguard.policy;

import dev.testguard.jdbc.EmbeddedPaths;
import java.nio.file.Path;
import java.util.Locale;

/** Where a file database really lives, the way the test JVM would resolve its path. */
final class FilePaths {

    private static final String[] DATABASE_SUFFIXES = {".mv.db", ".h2.db", ".sqlite3", ".sqlite", ".db3", ".s3db", ".db"};

    private FilePaths() {
    }

    /**
     * The absolute, normalized path: {@code ~} is the user's home, relative paths start in the test JVM's working
     * directory. Null when the text is no usable path.
     */
    static Path resolve(String filePath, PolicySettings settings) {
        Path base = settings.baseDirectory() != null ? settings.baseDirectory() : Path.of("");
        Path home = settings.userHome() != null ? settings.userHome() : Path.of(System.getProperty("user.home"));
        return EmbeddedPaths.resolve(filePath, base, home);
    }

    /** Whether {@code path} lies inside {@code directory} (both resolved); false when either is unknown. */
    static boolean isUnder(Path path, Path directory) {
        return path != null && directory != null && path.startsWith(directory.toAbsolutePath().normalize());
    }

    /** The path without a database file suffix, so {@code orders.mv.db} and {@code orders} compare equal. */
    static String withoutDatabaseSuffix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : DATABASE_SUFFIXES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Two file databases are the same when their resolved paths match, database file suffixes aside. */
    static boolean sameDatabaseFile(Path a, Path b) {
        return a != null && b != null
                && withoutDatabaseSuffix(a.toString()).equals(withoutDatabaseSuffix(b.toString()));
    }
}
