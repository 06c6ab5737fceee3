package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
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

    private static final Pattern SERVER_ENTRY =
            Pattern.compile("(?:([a-z0-9]+)://)?(\\[[^\\]]+\\]|[^:/\\[\\]]+)(?::(\\d+))?/(.+)");

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

    /**
     * One use of an entry: the entry as written, the exact database it lifted ({@code postgresql localhost:5432/shop}),
     * and whether the entry named neither port nor vendor (then it must mean one database of the build only).
     */
    public record Lift(String entry, String database, boolean portless) {
    }

    /** The entry (as written) that names exactly this database, if any. */
    public Optional<String> match(JdbcUrl url) {
        return lift(url).map(Lift::entry);
    }

    /** The entry that names exactly this database, with the database, if any. */
    public Optional<Lift> lift(JdbcUrl url) {
        for (Entry entry : entries) {
            if (entry.matches(url, settings)) {
                return Optional.of(new Lift(entry.text(), exactDatabase(url),
                        entry.file() == null && entry.port() == null && entry.vendor() == null));
            }
        }
        return Optional.empty();
    }

    /** These overrides without the entries written as {@code texts}. */
    public Overrides without(java.util.Collection<String> texts) {
        return new Overrides(entries.stream().filter(e -> !texts.contains(e.text())).toList(), settings);
    }

    /** The one database a URL names, as the report shows it: {@code mysql localhost:3306/petclinic}. */
    public static String exactDatabase(JdbcUrl url) {
        if (url.storage() == Storage.FILE) {
            return url.vendor().displayName() + " file " + url.filePath();
        }
        return url.vendor().displayName() + " " + String.join(",", Endpoints.of(url)) + "/" + url.databaseName();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Entry parse(String text, PolicySettings settings) {
        if (text.startsWith("/") || text.startsWith("~") || text.matches("[A-Za-z]:[\\\\/].*")) {
            return new Entry(text, null, null, null, null, FilePaths.resolve(text, settings));
        }
        Matcher m = SERVER_ENTRY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("The testguard allowDatabases entry '" + text + "' is not understood: "
                    + "write host:port/database (for example localhost:5432/orders), host/database for the "
                    + "vendor's default port, or the absolute path of a file database.");
        }
        Vendor vendor = m.group(1) == null ? null : vendor(text, m.group(1));
        Integer port = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return new Entry(text, vendor, m.group(2), port, m.group(4), null);
    }

    private static Vendor vendor(String text, String scheme) {
        String name = scheme.equals("postgres") ? "postgresql" : scheme;
        for (Vendor v : Vendor.values()) {
            if (v.displayName().equals(name) && v != Vendor.UNKNOWN) {
                return v;
            }
        }
        throw new IllegalArgumentException("The testguard allowDatabases entry '" + text + "' names the unknown "
                + "database product '" + scheme + "': write postgresql://, mysql://, mariadb://, sqlserver://, oracle:// "
                + "or no product at all.");
    }

    /** One parsed entry: either a server database (vendor or null, host, port or null, database) or a file. */
    private record Entry(String text, Vendor vendor, String host, Integer port, String database, Path file) {

        boolean matches(JdbcUrl url, PolicySettings settings) {
            if (file != null) {
                return url.storage() == Storage.FILE
                        && FilePaths.sameDatabaseFile(file, FilePaths.resolve(url.filePath(), settings));
            }
            if (url.storage() == Storage.FILE || !database.equals(url.databaseName())
                    || vendor != null && vendor != url.vendor() && !(vendor.isMysqlFamily() && url.vendor().isMysqlFamily())) {
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
