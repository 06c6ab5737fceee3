package dev.testguard.policy;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.ServerIdentity;
import dev.testguard.probe.Stamp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JdbcUrl records and targets built by hand, so the rules are tested without the parser. */
final class Urls {

    private Urls() {
    }

    static JdbcUrl pg(String host, Integer port, String db) {
        return server(Vendor.POSTGRESQL, "postgresql", host, port, db);
    }

    static JdbcUrl mysql(String host, Integer port, String db) {
        return server(Vendor.MYSQL, "mysql", host, port, db);
    }

    static JdbcUrl mariadb(String host, Integer port, String db) {
        return server(Vendor.MARIADB, "mariadb", host, port, db);
    }

    static JdbcUrl server(Vendor vendor, String protocol, String host, Integer port, String db) {
        String h = new HostPort(host, port).toString();
        String raw = "jdbc:" + protocol + "://" + h + "/" + (db == null ? "" : db);
        return new JdbcUrl(raw, vendor, Storage.SERVER, List.of(new HostPort(host, port)), false, db, null, Map.of(),
                null, null);
    }

    static JdbcUrl pgHosts(String db, HostPort... hosts) {
        return new JdbcUrl("jdbc:postgresql://multi/" + db, Vendor.POSTGRESQL, Storage.SERVER, List.of(hosts), false,
                db, null, Map.of(), null, null);
    }

    static JdbcUrl pgWithPassword(String host, String db, String password) {
        String raw = "jdbc:postgresql://" + host + "/" + db + "?user=app&password=" + password;
        return new JdbcUrl(raw, Vendor.POSTGRESQL, Storage.SERVER, List.of(new HostPort(host, null)), false, db, null,
                Map.of("user", "app", "password", password), "app", password);
    }

    static JdbcUrl pgSocket(String db) {
        return new JdbcUrl("jdbc:postgresql:///" + db + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory",
                Vendor.POSTGRESQL, Storage.SERVER, List.of(), true, db, null, Map.of(), null, null);
    }

    static JdbcUrl pgNoHost(String db) {
        return new JdbcUrl("jdbc:postgresql:" + db, Vendor.POSTGRESQL, Storage.SERVER, List.of(), false, db, null,
                Map.of(), null, null);
    }

    static JdbcUrl h2File(String path) {
        return new JdbcUrl("jdbc:h2:" + path, Vendor.H2, Storage.FILE, List.of(), false, null, path, Map.of(), null,
                null);
    }

    static JdbcUrl sqlite(String path) {
        return new JdbcUrl("jdbc:sqlite:" + path, Vendor.SQLITE, Storage.FILE, List.of(), false, null, path, Map.of(),
                null, null);
    }

    static JdbcUrl h2Mem(String name) {
        return new JdbcUrl("jdbc:h2:mem:" + name, Vendor.H2, Storage.MEMORY, List.of(), false, name, null, Map.of(),
                null, null);
    }

    static JdbcUrl testcontainers(String db) {
        return new JdbcUrl("jdbc:tc:postgresql:15:///" + db, Vendor.TESTCONTAINERS, Storage.CONTAINER, List.of(),
                false, db, null, Map.of(), null, null);
    }

    static Target target(JdbcUrl url) {
        return target(url, LiveFacts.notChecked());
    }

    static Target target(JdbcUrl url, LiveFacts live) {
        return new Target(source(url.raw()), url, live);
    }

    static DiscoveredUrl source(String raw) {
        return DiscoveredUrl.of("spring.datasource.url", raw,
                Provenance.file(Path.of("/p/src/test/resources/application.properties"),
                        "src/test/resources/application.properties", 3, null),
                "maven-surefire-plugin:default-test");
    }

    static LiveFacts reachable(Long rows) {
        return new LiveFacts(LiveFacts.Status.REACHABLE, null, rows, null, null, 5);
    }

    static LiveFacts reachable(Long rows, ServerIdentity identity) {
        return new LiveFacts(LiveFacts.Status.REACHABLE, null, rows, identity, null, 5);
    }

    static LiveFacts stamped(Stamp.Role role, Long rows) {
        return new LiveFacts(LiveFacts.Status.REACHABLE,
                new Stamp(role, Instant.parse("2024-05-01T10:00:00Z"), "alice@laptop", "com.acme:orders"), rows,
                null, null, 5);
    }

    static PolicySettings settings(Path base) {
        return PolicySettings.defaults(base, base.resolve("target"), false)
                .withDirectories(base, base.resolve("target"), Path.of("/tmp"), Path.of("/home/alice"));
    }
}
