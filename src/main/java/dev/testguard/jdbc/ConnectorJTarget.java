package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target MySQL Connector/J 9 ({@code ConnectionUrlParser}, {@code ConnectionUrl.fixHostInfo}) connects to. The
 * path and the query end at '#'; path, keys and values are percent-decoded ({@code +} is a space) and trimmed; the
 * keys {@code dbname}, {@code host}, {@code port}, {@code user} are read in any case; connection properties beat the
 * query; a {@code dbname} beats the path; a {@code host} or {@code port} serves only a host list entry that names
 * none. Any two of these naming different values makes the URL ambiguous.
 */
final class ConnectorJTarget {

    /** Connector/J's own URL pattern: scheme, authority, path, query, fragment. */
    private static final Pattern URL = Pattern.compile("(?<scheme>[\\w+:%]+)\\s*(?://(?<authority>[^/?#]*))?\\s*"
            + "(?:/(?!\\s*/)(?<path>[^?#]*))?(?:\\?(?!\\s*\\?)(?<query>[^#]*))?(?:\\s*#(?<fragment>.*))?");
    private static final Pattern PROPERTY = Pattern.compile("[&\\s]*(?<key>[\\w.\\-\\s%]*)(?:=(?<value>[^&]*))?");
    private static final Pattern HOST_SPEC_DBNAME = Pattern.compile("(?i)[(,]\\s*dbname\\s*=\\s*([^,)]*)");
    private static final Set<String> TARGET_KEYS = Set.of("dbname", "host", "port", "user");

    /** What one MySQL-protocol driver connects to. */
    record Target(List<HostPort> hosts, String database, String user) {
    }

    private final String url;
    private final Claims database;
    private final Claims hostParameter;
    private final Claims portParameter;
    private final Claims users;

    private ConnectorJTarget(String url) {
        this.url = url;
        database = new Claims(url, "the database");
        hostParameter = new Claims(url, "the host parameter");
        portParameter = new Claims(url, "the port parameter");
        users = new Claims(url, "the user");
    }

    /** {@code mysqlUrl}: the URL as Connector/J receives it (a jdbc:mariadb: URL rewritten to jdbc:mysql:). */
    static Target resolve(JdbcUrl written, String mysqlUrl, Map<String, String> properties) {
        return new ConnectorJTarget(written.raw()).read(written, mysqlUrl, properties);
    }

    private Target read(JdbcUrl written, String mysqlUrl, Map<String, String> properties) {
        Matcher m = URL.matcher(maskParenthesized(mysqlUrl));
        if (!m.matches()) {
            throw fail(url, "MySQL Connector/J cannot read it");
        }
        String authority = m.group("authority") == null ? "" : m.group("authority");
        Matcher hostDb = HOST_SPEC_DBNAME.matcher(authority);
        while (hostDb.find()) {
            database.add("a host spec's dbname", hostDb.group(1).trim());
        }
        String path = m.group("path") == null ? "" : decode("the path", m.group("path")).trim();
        database.add("the path", path.isEmpty() ? null : path);
        if (m.group("query") != null) {
            query(m.group("query"));
        }
        properties.forEach((key, value) -> {
            if (!key.equalsIgnoreCase("user")) {
                claim("the connection property " + key, key, value);
            }
        });
        refuseTransform(m.group("query"), properties);
        return new Target(hosts(written, authority), database.agreed(), user(written, authority, properties));
    }

    /** Connector/J's user: the host list's user info, then the connection property, then the query. */
    private String user(JdbcUrl written, String authority, Map<String, String> properties) {
        String fromQuery = users.agreed();
        if (authority.indexOf('@') >= 0 && written.user() != null) {
            return written.user();
        }
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase("user") && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue();
            }
        }
        return fromQuery != null ? fromQuery : written.user();
    }

    private void query(String query) {
        Matcher m = PROPERTY.matcher(query);
        int at = 0;
        while (m.find() && m.start() == at && m.end() > at) {
            String key = decode("a parameter name", trim(m.group("key")));
            String value = m.group("value") == null ? null : decode("the parameter '" + key + "'", trim(m.group("value")));
            claim("the parameter " + key, key, value);
            at = m.end();
        }
        if (at != query.length()) {
            throw fail(url, "MySQL Connector/J cannot read the parameters from '" + query.substring(at) + "'");
        }
    }

    private void claim(String origin, String key, String value) {
        switch (key.toLowerCase(Locale.ROOT)) {
            case "dbname" -> database.add(origin, value);
            case "host" -> hostParameter.add(origin, value);
            case "port" -> portParameter.add(origin, value);
            case "user" -> users.add(origin, value);
            default -> {
                // other settings do not choose the target
            }
        }
    }

    private void refuseTransform(String query, Map<String, String> properties) {
        boolean inQuery = query != null && query.toLowerCase(Locale.ROOT).contains("propertiestransform");
        if (inQuery || properties.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("propertiesTransform"))) {
            throw Ambiguity.of(url, "a propertiesTransform class may rewrite the host, port and database at connect "
                    + "time, so the URL does not say which database the tests get");
        }
    }

    /**
     * The URL's hosts; {@code host} and {@code port} fill in only what a host list entry leaves empty, and naming
     * another host or port than the list is ambiguous.
     */
    private List<HostPort> hosts(JdbcUrl written, String authority) {
        String host = hostParameter.agreed();
        String port = portParameter.agreed();
        Integer portNumber = port == null ? null : UrlText.port(url, port.trim());
        boolean emptyAuthority = hostPart(authority).isEmpty();
        List<HostPort> out = new ArrayList<>();
        for (HostPort written1 : written.unixSocket() ? List.<HostPort>of() : written.hosts()) {
            if (host != null && !emptyAuthority && !host.equals(written1.host())) {
                throw Ambiguity.of(url, "the host list says '" + written1.host() + "' but the host parameter says '"
                        + host + "'. Name the host once");
            }
            if (portNumber != null && written1.port() != null && !portNumber.equals(written1.port())) {
                throw Ambiguity.of(url, "the host list says port " + written1.port() + " but the port parameter says "
                        + portNumber + ". Name the port once");
            }
            out.add(new HostPort(emptyAuthority && host != null ? host : written1.host(),
                    written1.port() != null ? written1.port() : portNumber));
        }
        return out;
    }

    /**
     * A socket path inside a host spec, {@code (path=/tmp/s.sock)}, would end Connector/J's authority early and the
     * driver refuse the URL; read such a URL as the parser did, with the specs' '/', '?' and '#' hidden.
     */
    private static String maskParenthesized(String s) {
        StringBuilder out = new StringBuilder(s);
        int depth = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth > 0 && (c == '/' || c == '?' || c == '#')) {
                out.setCharAt(i, '_');
            }
        }
        return out.toString();
    }

    private static String hostPart(String authority) {
        int at = authority.lastIndexOf('@');
        return (at < 0 ? authority : authority.substring(at + 1)).trim();
    }

    private String decode(String what, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return ControlCharacters.decodeChecked(url, "MySQL Connector/J", what, value);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static boolean isTargetKey(String key) {
        return TARGET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }
}
