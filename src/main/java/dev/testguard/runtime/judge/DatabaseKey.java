package dev.testguard.runtime.judge;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.policy.DefaultPorts;
import dev.testguard.policy.Endpoints;
import java.util.Locale;
import java.util.Objects;

/**
 * One physical database as a driver reaches it: vendor, hosts (loopback aliases as {@code localhost}) with effective
 * ports, database (or file) and user.
 * Verdicts are cached under it, so a pool pays the live checks once.
 */
record DatabaseKey(String vendor, String hosts, String database, String user) {

    static DatabaseKey of(JdbcUrl url) {
        // every loopback spelling (localhost, 127.0.0.1, ::1) as one: the same port and database there is one database
        String hosts = url.hosts().isEmpty() ? "" : String.join(",", Endpoints.of(url));
        String database = url.databaseName() != null ? url.databaseName()
                : url.filePath() != null ? url.filePath() : url.storage() + ":" + url.masked();
        String family = url.vendor().isMysqlFamily() ? "mysql" : url.vendor().name().toLowerCase(Locale.ROOT);
        return new DatabaseKey(family, hosts, database, url.user());
    }

    /** {@code host:port/db} as {@code allowDatabases} and {@code -Dtestguard.allow} take it, or null. */
    String overrideEntry(JdbcUrl url) {
        if (url.hosts().isEmpty() || url.databaseName() == null) {
            return null;
        }
        HostPort first = url.hosts().get(0);
        return first.host() + ":" + DefaultPorts.effective(first, url.vendor()) + "/" + url.databaseName();
    }

    /** For records: where, without the user. */
    String display() {
        return vendor + "://" + (hosts.isEmpty() ? "" : hosts) + "/" + database;
    }

    // equals and hashCode written out: a record's generated ones bootstrap java.lang.runtime.ObjectMethods
    // (some 40 classes spun) at the test JVM's first connection; these compare the same components
    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseKey k && Objects.equals(vendor, k.vendor) && Objects.equals(hosts, k.hosts)
                && Objects.equals(database, k.database) && Objects.equals(user, k.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vendor, hosts, database, user);
    }
}
