package dev.testguard.runtime.judge;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.policy.DefaultPorts;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One physical database as a driver reaches it: vendor, hosts with effective ports, database (or file) and user.
 * Verdicts are cached under it, so a pool pays the live checks once.
 */
record DatabaseKey(String vendor, String hosts, String database, String user) {

    static DatabaseKey of(JdbcUrl url) {
        String hosts = url.hosts().stream()
                .map(h -> h.host().toLowerCase(Locale.ROOT) + ":" + DefaultPorts.effective(h, url.vendor()))
                .collect(Collectors.joining(","));
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
}
