package dev.testguard.db;

import dev.testguard.jdbc.EmbeddedPaths;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * File locations of embedded databases (H2, SQLite): where a URL's file lives, and the same URL
 * pointing at another file of the same directory.
 */
final class EmbeddedFiles {

    private EmbeddedFiles() {
    }

    /** The path as written in the URL, resolved: {@code ~} is the home directory, relative is from the working directory. */
    static Path resolve(JdbcUrl url) throws SQLException {
        if (url.storage() != Storage.FILE || url.filePath() == null) {
            throw new SQLException(url.masked() + " is not a file database: testguard manages embedded "
                    + url.vendor().displayName() + " databases by their files only");
        }
        return EmbeddedPaths.resolve(url.filePath(), Path.of("").toAbsolutePath());
    }

    /** The same URL with the file's last path element replaced by {@code name}; options stay as written. */
    static JdbcUrl sibling(JdbcUrl url, String name) {
        String written = url.filePath();
        int slash = Math.max(written.lastIndexOf('/'), written.lastIndexOf('\\'));
        String path = (slash < 0 ? "" : written.substring(0, slash + 1)) + name;
        String raw = url.raw();
        int at = raw.indexOf(written);
        String rewritten = at < 0 ? raw : raw.substring(0, at) + path + raw.substring(at + written.length());
        return new JdbcUrl(rewritten, url.vendor(), url.storage(), url.hosts(), url.unixSocket(), name, path,
                url.parameters(), url.user(), url.password());
    }
}
