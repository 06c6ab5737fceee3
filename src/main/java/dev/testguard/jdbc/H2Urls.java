package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2: {@code jdbc:h2:mem:[name]}, {@code jdbc:h2:[file:|zip:|split:|nio:...]path}, {@code jdbc:h2:tcp|ssl://host[:port]/path},
 * each followed by {@code ;KEY=VALUE} settings (USER and PASSWORD among them).
 */
final class H2Urls {

    static final String PREFIX = "jdbc:h2:";

    /** H2 file-system prefixes in front of a file path, e.g. {@code split:28:nio:~/db}. */
    private static final Pattern FILE_SYSTEM = Pattern.compile(
            "(?i)^(?:(?:file|zip|nio|niomapped|niomem|async|retry|rec|split(?::\\d+)?):)+");
    /** In-memory file systems: the path names a memory area, not a file. */
    private static final Pattern MEMORY_FILE_SYSTEM = Pattern.compile("(?i)^(?:memfs|memlzf|niomemfs|niomemlzf):");

    private H2Urls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.H2);
        String rest = UrlText.beforeSemicolonSettings(url.substring(PREFIX.length()), b.parameters);
        b.credentialsFromParameters("USER", "PASSWORD");
        String lower = UrlText.lower(rest);
        if (lower.startsWith("mem:")) {
            b.storage(Storage.MEMORY).databaseName = rest.substring(4);
        } else if (lower.startsWith("tcp://") || lower.startsWith("ssl://")) {
            server(url, rest.substring(6), b);
        } else {
            Matcher memory = MEMORY_FILE_SYSTEM.matcher(rest);
            if (memory.find()) {
                b.storage(Storage.MEMORY).databaseName = UrlText.lastSegment(rest.substring(memory.end()));
                return b.build();
            }
            Matcher fileSystem = FILE_SYSTEM.matcher(rest);
            String path = fileSystem.find() ? rest.substring(fileSystem.end()) : rest;
            if (path.isEmpty()) {
                throw fail(url, "it names no database; write jdbc:h2:mem:name or jdbc:h2:./target/name");
            }
            b.file(path);
        }
        return b.build();
    }

    private static void server(String url, String rest, UrlBuilder b) {
        b.storage(Storage.SERVER);
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw fail(url, "it names no database after the server; write jdbc:h2:tcp://host:9092/~/name");
        }
        for (String spec : UrlText.splitTopLevel(url, rest.substring(0, slash), ',')) {
            b.hosts.add(UrlText.hostPort(url, spec, UrlText.LOCALHOST));
        }
        String path = rest.substring(slash + 1);
        Matcher memory = Pattern.compile("(?i)^mem:").matcher(path);
        Matcher fileSystem = FILE_SYSTEM.matcher(path);
        if (memory.find()) {
            path = path.substring(memory.end());
        } else if (fileSystem.find()) {
            path = path.substring(fileSystem.end());
        }
        b.databaseName = UrlText.lastSegment(path);
    }
}
