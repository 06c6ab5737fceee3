package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

/**
 * Derby: embedded {@code jdbc:derby:[memory:|directory:|classpath:|jar:(archive)]name} and network
 * {@code jdbc:derby://host[:port]/name}, each followed by {@code ;key=value} attributes.
 */
final class DerbyUrls {

    static final String PREFIX = "jdbc:derby:";

    private DerbyUrls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.DERBY);
        String rest = url.substring(PREFIX.length());
        if (rest.isEmpty()) {
            throw fail(url, "it names no database; write jdbc:derby:memory:name;create=true");
        }
        rest = UrlText.beforeSemicolonSettings(rest, b.parameters);
        b.credentialsFromParameters("user", "password");
        String lower = UrlText.lower(rest);
        if (rest.isEmpty()) {
            // jdbc:derby:;shutdown=true addresses the whole embedded system, not one database.
            return b.build();
        } else if (lower.startsWith("//")) {
            server(url, rest.substring(2), b);
        } else if (lower.startsWith("memory:")) {
            b.storage(Storage.MEMORY).databaseName = UrlText.lastSegment(rest.substring(7));
        } else if (lower.startsWith("classpath:") || lower.startsWith("jar:")) {
            // Read-only databases inside the classpath or an archive: nothing a test can write to.
            String name = rest.substring(rest.indexOf(':') + 1);
            b.storage(Storage.MEMORY).databaseName = UrlText.lastSegment(name.substring(name.indexOf(')') + 1));
        } else {
            String path = lower.startsWith("directory:") ? rest.substring(10) : rest;
            if (path.isEmpty()) {
                throw fail(url, "it names no database directory");
            }
            b.file(path);
        }
        return b.build();
    }

    private static void server(String url, String rest, UrlBuilder b) {
        b.storage(Storage.SERVER);
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw fail(url, "it names no database after the server; write jdbc:derby://host:1527/name");
        }
        b.hosts.add(UrlText.hostPort(url, rest.substring(0, slash), UrlText.LOCALHOST));
        b.databaseName = UrlText.lastSegment(rest.substring(slash + 1));
    }
}
