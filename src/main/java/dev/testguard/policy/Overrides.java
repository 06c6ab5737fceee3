package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code allowDatabases} entries (and {@code -Dtestguard.allow}): each names one exact database that may be used
 * although a rule fails for it. {@code host:port/db}, {@code host/db} (the vendor's default port) or an absolute
 * file-database path.
 */
public final class Overrides {

    private static final Pattern SERVER_ENTRY = Pattern.compile("(\\[[^\\]]+\\]|[^:/\\[\\]]+)(?::(\\d+))?/(.+)");

    private final List<Entry> entries;
    private final PolicySettings settings;

    private Overrides(List<Entry> entries, PolicySettings settings) {
        this.entries = entries;
        this.settings = settings;
    }

    /**
     * The overrides of {@code settings.allowDatabases()}.
     *
     * @throws IllegalArgumentException naming the entry and the accepted forms when an entry cannot be read
     */
    public static Overrides from(PolicySettings settings) {
        List<Entry> entries = new ArrayList<>();
        for (String text : settings.allowDatabases()) {
            if (text != null && !text.isBlank()) {
                entries.add(parse(text.trim(), settings));
            }
        }
        return new Overrides(List.copyOf(entries), settings);
    }

    /** The entry (as written) that names exactly this database, if any. */
    public Optional<String> match(JdbcUrl url) {
        for (Entry entry : entries) {
            if (entry.matches(url, settings)) {
                return Optional.of(entry.text());
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Entry parse(String text, PolicySettings settings) {
        if (text.startsWith("/") || text.startsWith("~") || text.matches("[A-Za-z]:[\\\\/].*")) {
            return new Entry(text, null, null, null, FilePaths.resolve(text, settings));
        }
        Matcher m = SERVER_ENTRY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("The testguard allowDatabases entry '" + text + "' is not understood: "
                    + "write host:port/database (for example localhost:5432/orders), host/database for the "
                    + "vendor's default port, or the absolute path of a file database.");
        }
        Integer port = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        return new Entry(text, m.group(1), port, m.group(3), null);
    }

    /** One parsed entry: either a server database (host, port or null, database) or a file. */
    private record Entry(String text, String host, Integer port, String database, Path file) {

        boolean matches(JdbcUrl url, PolicySettings settings) {
            if (file != null) {
                return url.storage() == Storage.FILE
                        && FilePaths.sameDatabaseFile(file, FilePaths.resolve(url.filePath(), settings));
            }
            if (url.storage() == Storage.FILE || !database.equals(url.databaseName())) {
                return false;
            }
            String wanted = Endpoints.endpoint(host, port != null ? port : DefaultPorts.of(url.vendor()));
            // a failover URL is lifted only when every one of its servers is the named one
            for (String endpoint : Endpoints.of(url)) {
                if (!endpoint.equals(wanted)) {
                    return false;
                }
            }
            return true;
        }
    }
}
