package dev.testguard.reset;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.EmbeddedPaths;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;

/**
 * The file of an embedded H2 or SQLite database, and the same URL with the path made absolute (relative paths are
 * taken against the project's base directory, which is what the tests' working directory is by default).
 *
 * @param location for H2 the base name ({@code app} for {@code app.mv.db}), for SQLite the database file itself
 * @param target   the target with an absolute path in its URL
 */
record EmbeddedFile(Path location, DatabaseTarget target) {

    static EmbeddedFile of(DatabaseTarget target, Path baseDir) throws SQLException {
        JdbcUrl url = target.url();
        if (url.storage() != Storage.FILE || url.filePath() == null || url.filePath().isBlank()) {
            throw new SQLException(url.masked() + " is not a file database: testguard resets embedded "
                    + url.vendor().displayName() + " databases by their files only (in-memory ones are new in every JVM anyway)");
        }
        String written = url.filePath();
        Path location = EmbeddedPaths.resolve(written, baseDir);
        if (location == null) {
            throw new SQLException(url.masked() + " names no usable file path");
        }
        String raw = url.raw();
        int at = raw.indexOf(written);
        String absolute = at < 0 ? raw : raw.substring(0, at) + location + raw.substring(at + written.length());
        JdbcUrl rewritten = new JdbcUrl(absolute, url.vendor(), url.storage(), url.hosts(), url.unixSocket(),
                url.databaseName(), location.toString(), url.parameters(), url.user(), url.password());
        return new EmbeddedFile(location, new DatabaseTarget(rewritten, target.credentials()));
    }

    Path withSuffix(String suffix) {
        return location.resolveSibling(location.getFileName() + suffix);
    }

    /** Refuses to touch a file some process (this JVM included) holds open: copying or deleting it would corrupt it. */
    static void requireClosed(Path file, String what) throws SQLException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw inUse(file, what);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(file, what);
        } catch (IOException e) {
            throw new SQLException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static SQLException inUse(Path file, String what) {
        return new SQLException(what + " " + file + " is open in another process (an IDE, a running test, an H2 console)."
                + " Close it, then run reset again");
    }
}
