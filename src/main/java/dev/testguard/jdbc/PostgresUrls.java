package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

/**
 * PgJDBC: {@code jdbc:postgresql:db}, {@code jdbc:postgresql://h1[:p1][,h2[:p2]]/db?k=v}. A missing host means
 * localhost. Unix sockets come through a socket factory ({@code socketFactory=...unix...&socketFactoryArg=/path})
 * or a libpq-style {@code host=/dir} parameter.
 */
final class PostgresUrls {

    static final String PREFIX = "jdbc:postgresql:";

    private PostgresUrls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.POSTGRESQL).storage(Storage.SERVER);
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        if (question >= 0) {
            UrlText.queryParameters(rest.substring(question + 1), b.parameters);
            rest = rest.substring(0, question);
        }
        if (rest.startsWith("//")) {
            String authorityAndPath = rest.substring(2);
            int slash = authorityAndPath.indexOf('/');
            String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
            String path = slash < 0 ? "" : authorityAndPath.substring(slash + 1);
            if (authority.isEmpty() && slash < 0) {
                throw fail(url, "it names neither a host nor a database; write jdbc:postgresql://host:5432/database");
            }
            // PgJDBC itself refuses user:password@, but the URL still says which server a test means: read it.
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                UrlText.userInfo(url, authority.substring(0, at), b);
                authority = authority.substring(at + 1);
            }
            for (String spec : UrlText.splitTopLevel(url, authority, ',')) {
                b.hosts.add(UrlText.hostPort(url, spec, UrlText.LOCALHOST));
            }
            b.databaseName = UrlText.decode(path);
        } else {
            if (rest.isEmpty()) {
                throw fail(url, "it names no database; write jdbc:postgresql://host:5432/database");
            }
            if (rest.startsWith("/")) {
                throw fail(url, "a single '/' is not a host part; write jdbc:postgresql://host/database");
            }
            b.hosts.add(new HostPort(UrlText.LOCALHOST, null));
            b.databaseName = UrlText.decode(rest);
        }
        b.credentialsFromParameters("user", "password");
        if (isUnixSocket(b)) {
            b.connectsThroughUnixSocket();
        }
        return b.build();
    }

    private static boolean isUnixSocket(UrlBuilder b) {
        String factory = b.parameterIgnoreCase("socketFactory");
        String host = b.parameterIgnoreCase("host");
        return factory != null && UrlText.lower(factory).contains("unix")
                || host != null && host.startsWith("/");
    }
}
