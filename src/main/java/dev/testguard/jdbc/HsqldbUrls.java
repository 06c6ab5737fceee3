package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

/**
 * HSQLDB: {@code jdbc:hsqldb:mem:name}, {@code jdbc:hsqldb:[file:]path}, {@code jdbc:hsqldb:res:/path} and the servers
 * {@code jdbc:hsqldb:hsql|hsqls|http|https://host[:port]/alias}, each followed by {@code ;key=value} properties.
 */
final class HsqldbUrls {

    static final String PREFIX = "jdbc:hsqldb:";

    private HsqldbUrls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.HSQLDB);
        String rest = UrlText.beforeSemicolonSettings(url.substring(PREFIX.length()), b.parameters);
        b.credentialsFromParameters("user", "password");
        String lower = UrlText.lower(rest);
        if (lower.startsWith("mem:")) {
            b.storage(Storage.MEMORY).databaseName = rest.substring(4);
        } else if (lower.startsWith("res:")) {
            // A read-only database on the classpath, loaded into memory: writes never reach the resource.
            b.storage(Storage.MEMORY).databaseName = UrlText.lastSegment(rest.substring(4));
        } else if (lower.matches("(hsqls?|https?)://.*")) {
            server(url, rest.substring(rest.indexOf("//") + 2), b);
        } else {
            String path = lower.startsWith("file:") ? rest.substring(5) : rest;
            if (path.isEmpty()) {
                throw fail(url, "it names no database; write jdbc:hsqldb:mem:name or jdbc:hsqldb:file:target/name");
            }
            b.file(path);
        }
        return b.build();
    }

    private static void server(String url, String rest, UrlBuilder b) {
        b.storage(Storage.SERVER);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (authority.isEmpty()) {
            throw fail(url, "it names no server host; write jdbc:hsqldb:hsql://host:9001/alias");
        }
        for (String spec : UrlText.splitTopLevel(url, authority, ',')) {
            b.hosts.add(UrlText.hostPort(url, spec, UrlText.LOCALHOST));
        }
        // An empty alias selects the server's default database.
        b.databaseName = slash < 0 ? null : rest.substring(slash + 1);
    }
}
