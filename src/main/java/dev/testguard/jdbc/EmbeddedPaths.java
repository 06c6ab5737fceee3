package dev.testguard.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the file of an embedded database (H2, SQLite, HSQLDB, Derby) really is. One rule for every part of
 * testguard: a {@code file:} prefix is dropped, {@code ~} is the user's home, and a relative path starts in
 * {@code baseDir} (the tests' working directory: the project directory, as Surefire runs them).
 */
public final class EmbeddedPaths {

    private EmbeddedPaths() {
    }

    /** The absolute, normalized path written in a file database URL, or null when the text is no usable path. */
    public static Path resolve(String written, Path baseDir, Path userHome) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String p = written.trim();
        if (p.regionMatches(true, 0, "file:", 0, 5)) {
            p = p.substring(5);
        }
        try {
            Path path;
            if (p.equals("~") || p.startsWith("~/") || p.startsWith("~\\")) {
                path = userHome.resolve(p.length() > 2 ? p.substring(2) : "");
            } else {
                path = Path.of(p);
            }
            return (path.isAbsolute() ? path : baseDir.toAbsolutePath().resolve(path)).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@link #resolve(String, Path, Path)} with this JVM's home directory. */
    public static Path resolve(String written, Path baseDir) {
        return resolve(written, baseDir, Path.of(System.getProperty("user.home")));
    }
}
