package dev.testguard.backup;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.policy.DefaultPorts;
import java.util.List;
import java.util.Locale;

/** Whether a backup is of a given database: same vendor, same server (hosts and ports), same name. */
final class SameDatabase {

    private SameDatabase() {
    }

    /** Vendor and server of the manifest's (masked) URL against {@code target}'s; the name is matched by the store. */
    static boolean server(Manifest manifest, DatabaseTarget target) {
        Manifest.Database db = manifest.database();
        if (db.vendor() != null && !db.vendor().equals(target.url().vendor().displayName())) {
            return false;
        }
        if (db.maskedUrl() == null) {
            return true; // manifests of embedded databases name a file, matched by name
        }
        try {
            JdbcUrl url = JdbcUrlParser.parse(db.maskedUrl());
            return hosts(url).equals(hosts(target.url()));
        } catch (RuntimeException e) { // JdbcUrlException included: an unreadable URL is another database
            return false;
        }
    }

    /** The vendor and server (hosts and ports, default ports filled in) of {@code target}, as one key. */
    static String serverKey(DatabaseTarget target) {
        return target.url().vendor().displayName() + " " + String.join(",", hosts(target.url()));
    }

    private static List<String> hosts(JdbcUrl url) {
        return url.hosts().stream().map(h -> DefaultPorts.filledIn(h, url.vendor()))
                .map(h -> h.host().toLowerCase(Locale.ROOT) + ":" + h.port()).toList();
    }
}
