package dev.testguard.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the parts of a URL while a vendor parser reads it, then builds the immutable {@link JdbcUrl}. */
final class UrlBuilder {

    private final String raw;
    private final Vendor vendor;
    Storage storage = Storage.UNKNOWN;
    final List<HostPort> hosts = new ArrayList<>();
    boolean unixSocket;
    String databaseName;
    String filePath;
    final Map<String, String> parameters = new LinkedHashMap<>();
    String user;
    String password;

    UrlBuilder(String raw, Vendor vendor) {
        this.raw = raw;
        this.vendor = vendor;
    }

    /** An embedded database in a file: the path as written, named after its last segment. */
    UrlBuilder file(String path) {
        storage = Storage.FILE;
        filePath = path;
        databaseName = UrlText.lastSegment(path);
        return this;
    }

    UrlBuilder storage(Storage value) {
        storage = value;
        return this;
    }

    /** Takes user and password from the parameters (any key case) unless the URL already named them. */
    void credentialsFromParameters(String userKey, String passwordKey) {
        for (Map.Entry<String, String> e : parameters.entrySet()) { // a loop: no lambda to spin at a first judgement
            if (user == null && e.getKey().equalsIgnoreCase(userKey)) {
                user = e.getValue();
            }
            if (password == null && e.getKey().equalsIgnoreCase(passwordKey)) {
                password = e.getValue();
            }
        }
    }

    /** A unix socket replaces the TCP hosts: the URL's host part (if any) is not where the connection goes. */
    void connectsThroughUnixSocket() {
        unixSocket = true;
        hosts.clear();
    }

    String parameterIgnoreCase(String key) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    JdbcUrl build() {
        return new JdbcUrl(raw, vendor, storage, hosts, unixSocket, emptyToNull(databaseName), emptyToNull(filePath),
                parameters, emptyToNull(user), password);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
