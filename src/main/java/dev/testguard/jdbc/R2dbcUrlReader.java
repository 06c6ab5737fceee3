package dev.testguard.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits an R2DBC URL into the options R2DBC's {@code ConnectionFactoryOptions.parse} gives:
 * {@code r2dbc:driver[:protocol]://[user[:password]@]host[:port][/database][?option=value&...]}. H2's file form
 * ({@code r2dbc:h2:file//./data/db}, {@code r2dbc:h2:file///abs/db}) carries the path after the protocol.
 */
final class R2dbcUrlReader {

    private R2dbcUrlReader() {
    }

    static Map<String, String> options(String url) {
        Map<String, String> options = new LinkedHashMap<>();
        int slashes = url.indexOf("//");
        String scheme = slashes < 0 ? url : url.substring(0, slashes);
        String rest = slashes < 0 ? "" : url.substring(slashes + 2);
        String[] parts = scheme.replaceAll(":+$", "").split(":", 3);
        options.put("driver", parts.length > 1 ? parts[1] : null);
        if (parts.length > 2) {
            options.put("protocol", parts[2]);
        }
        if (slashes < 0 || scheme.regionMatches(true, scheme.length() - 4, "file", 0, 4)) {
            embeddedPath(options, slashes < 0 && parts.length > 2 ? lastSegment(parts) : rest);
            return options;
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            queryOptions(rest.substring(query + 1), options);
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String path = UrlText.decode(rest.substring(slash + 1));
            if (!path.isEmpty()) {
                options.put("database", path);
            }
            rest = rest.substring(0, slash);
        }
        authority(rest, options);
        return options;
    }

    /** {@code r2dbc:h2:mem:name} written without slashes: the database after the last colon. */
    private static String lastSegment(String[] parts) {
        String protocol = parts[2];
        int colon = protocol.lastIndexOf(':');
        return colon < 0 ? "" : protocol.substring(colon + 1);
    }

    private static void embeddedPath(Map<String, String> options, String path) {
        String protocol = options.get("protocol");
        if (protocol != null && protocol.indexOf(':') > 0 && !path.isEmpty()) {
            options.put("protocol", protocol.substring(0, protocol.lastIndexOf(':')));
        }
        if (!path.isEmpty()) {
            options.put("database", UrlText.decode(path));
        }
    }

    private static void authority(String authority, Map<String, String> options) {
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            options.put("user", UrlText.decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                options.put("password", UrlText.decode(userInfo.substring(colon + 1)));
            }
            authority = authority.substring(at + 1);
        }
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                : authority.contains(",") ? -1 : authority.lastIndexOf(':');
        if (portColon >= 0) {
            options.put("port", authority.substring(portColon + 1));
            authority = authority.substring(0, portColon);
        }
        if (!authority.isEmpty()) {
            options.put("host", authority);
        }
    }

    private static void queryOptions(String query, Map<String, String> options) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                options.putIfAbsent(pair.substring(0, eq), UrlText.decodeQuery(pair.substring(eq + 1)));
            }
        }
    }
}
