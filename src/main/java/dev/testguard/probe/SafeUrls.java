package dev.testguard.probe;

import dev.testguard.jdbc.EmbeddedPaths;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites a user's JDBC URL into one that cannot create or change anything on connect: no
 * {@code createDatabaseIfNotExist}, no H2 {@code INIT} script, H2 {@code IFEXISTS=TRUE}, embedded files
 * resolved to absolute paths and opened read-only when only reading.
 */
final class SafeUrls {

    /** An embedded database's file: {@code location} is what goes into the URL, {@code dataFile} what is on disk. */
    record EmbeddedFile(Path location, Path dataFile) {

        boolean exists() {
            return Files.isRegularFile(dataFile);
        }

        /** The real path when the file exists (links resolved), so that two spellings of one file compare equal. */
        String canonical() {
            try {
                return dataFile.toRealPath().toString();
            } catch (IOException e) {
                return dataFile.toAbsolutePath().normalize().toString();
            }
        }
    }

    private static final Pattern CREATE_DB = Pattern.compile("(?i)([?&])createDatabaseIfNotExist=[^&]*&?");
    private static final Pattern H2_INIT = Pattern.compile("(?i);INIT=(?:[^;\\\\]|\\\\.)*");

    private SafeUrls() {
    }

    /** The file behind an embedded H2 or SQLite URL, relative paths taken against {@code baseDir}. */
    static Optional<EmbeddedFile> embeddedFile(JdbcUrl url, Path baseDir) {
        if (url.storage() != Storage.FILE || (url.vendor() != Vendor.H2 && url.vendor() != Vendor.SQLITE)) {
            return Optional.empty();
        }
        String written = url.filePath() != null ? url.filePath() : pathFromRaw(url);
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        Path location = EmbeddedPaths.resolve(written, baseDir);
        if (location == null) {
            return Optional.empty();
        }
        if (url.vendor() == Vendor.SQLITE) {
            return Optional.of(new EmbeddedFile(location, location));
        }
        String name = location.getFileName().toString();
        for (String suffix : new String[] {".mv.db", ".h2.db"}) {
            if (name.endsWith(suffix)) {
                location = location.resolveSibling(name.substring(0, name.length() - suffix.length()));
            }
        }
        Path legacy = location.resolveSibling(location.getFileName() + ".h2.db");
        Path data = Files.isRegularFile(legacy) ? legacy : location.resolveSibling(location.getFileName() + ".mv.db");
        return Optional.of(new EmbeddedFile(location, data));
    }

    /** A URL for reading only. */
    static JdbcUrl forReading(JdbcUrl url, Optional<EmbeddedFile> file) {
        return rewrite(url, file, true);
    }

    /** A URL for writing the stamp: may change the database, may never create one. */
    static JdbcUrl forWriting(JdbcUrl url, Optional<EmbeddedFile> file) {
        return rewrite(url, file, false);
    }

    private static JdbcUrl rewrite(JdbcUrl url, Optional<EmbeddedFile> file, boolean readOnly) {
        String raw = url.raw();
        if (file.isPresent() && url.vendor() == Vendor.H2) {
            String autoServer = parameter(url, "AUTO_SERVER").map(v -> ";AUTO_SERVER=" + v).orElse("");
            raw = "jdbc:h2:file:" + file.get().location() + ";IFEXISTS=TRUE" + autoServer
                    + (readOnly ? ";ACCESS_MODE_DATA=r" : "");
        } else if (file.isPresent()) {
            // SQLITE_OPEN_READONLY = 1, SQLITE_OPEN_READWRITE = 2: neither has SQLITE_OPEN_CREATE
            raw = "jdbc:sqlite:" + file.get().location() + "?open_mode=" + (readOnly ? 1 : 2);
        } else if (url.vendor() == Vendor.H2) {
            raw = H2_INIT.matcher(raw).replaceAll("");
            raw = raw.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? raw : raw + ";IFEXISTS=TRUE";
        } else if (url.vendor().isMysqlFamily()) {
            raw = CREATE_DB.matcher(raw).replaceAll("$1");
            raw = raw.endsWith("?") || raw.endsWith("&") ? raw.substring(0, raw.length() - 1) : raw;
        }
        return new JdbcUrl(raw, url.vendor(), url.storage(), url.hosts(), url.unixSocket(), url.databaseName(),
                file.map(f -> f.location().toString()).orElse(url.filePath()),
                file.isPresent() ? Map.of() : url.parameters(), url.user(), url.password());
    }

    private static Optional<String> parameter(JdbcUrl url, String key) {
        return url.parameters().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Fallback when the parser left {@code filePath} empty: {@code jdbc:h2:[file:]path;...}, {@code jdbc:sqlite:path?...}. */
    private static String pathFromRaw(JdbcUrl url) {
        String raw = url.raw();
        String prefix = url.vendor() == Vendor.H2 ? "jdbc:h2:" : "jdbc:sqlite:";
        if (!raw.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String rest = raw.substring(prefix.length());
        int end = url.vendor() == Vendor.H2 ? rest.indexOf(';') : rest.indexOf('?');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
