package dev.testguard.jdbc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JDBC URL. Immutable. Build one with {@link JdbcUrlParser#parse(String)}.
 *
 * @param raw          the URL exactly as written (may contain a password: never log it, use {@link #masked()})
 * @param vendor       the product, from the sub-protocol
 * @param storage      where the data lives
 * @param hosts        server hosts in URL order; empty for embedded databases and unix sockets
 * @param unixSocket   true when the URL connects through a unix domain socket
 * @param databaseName the database (catalog, service name, SID...) or null when the URL names none
 * @param filePath     for {@link Storage#FILE}: the path as written (relative, {@code ~} or absolute), else null
 * @param parameters   URL parameters in order, keys as written; a password parameter is kept here
 * @param user         user name found in the URL, or null
 * @param password     password found in the URL, or null
 */
public record JdbcUrl(
        String raw,
        Vendor vendor,
        Storage storage,
        List<HostPort> hosts,
        boolean unixSocket,
        String databaseName,
        String filePath,
        Map<String, String> parameters,
        String user,
        String password) {

    public JdbcUrl {
        hosts = List.copyOf(hosts);
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** The URL with every credential replaced by {@code ****}: the only form fit for logs and reports. */
    public String masked() {
        return Secrets.maskUrl(raw);
    }

    public Optional<String> database() {
        return Optional.ofNullable(databaseName);
    }

    public Optional<HostPort> firstHost() {
        return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts.get(0));
    }

    @Override
    public String toString() {
        return masked();
    }
}
