package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connector/J and MariaDB Connector/J: {@code jdbc:mysql[+srv][:mode]://[user[:password]@]hosts/db?k=v} where each
 * host is {@code host[:port]}, {@code [v6][:port]}, {@code address=(host=h)(port=p)...} or {@code (host=h,port=p,...)}.
 * An empty host list means localhost.
 */
final class MysqlUrls {

    /** {@code jdbc:mysql:}, {@code jdbc:mysql+srv:}, {@code jdbc:mysqlx:}, {@code jdbc:mariadb:} then an optional mode. */
    private static final UrlPrefix PREFIX = new UrlPrefix(
            "(?i)jdbc:(mysql(?:\\+srv)?|mysqlx(?:\\+srv)?|mariadb):(?:([a-z][a-z-]*):)?");
    private static final Pattern ADDRESS_PAIR = Pattern.compile("\\(\\s*([^=()]*?)\\s*=\\s*([^()]*?)\\s*\\)");

    private MysqlUrls() {
    }

    static boolean accepts(String url) {
        return PREFIX.accepts(url);
    }

    /** Where the sub-protocol and its optional mode end (the '//' follows), or -1. */
    static int prefixEnd(String url) {
        return PREFIX.end(url);
    }

    static JdbcUrl parse(String url) {
        Matcher prefix = PREFIX.require(url, "unknown MySQL/MariaDB URL form");
        Vendor vendor = UrlText.lower(prefix.group(1)).equals("mariadb") ? Vendor.MARIADB : Vendor.MYSQL;
        UrlBuilder b = new UrlBuilder(url, vendor).storage(Storage.SERVER);
        String rest = url.substring(prefix.end());
        if (!rest.startsWith("//")) {
            throw fail(url, "'//' must follow the sub-protocol; write jdbc:" + prefix.group(1) + "://host:3306/database");
        }
        rest = rest.substring(2);
        int end = endOfAuthority(url, rest);
        String authority = rest.substring(0, end);
        String remainder = rest.substring(end);
        int question = remainder.indexOf('?');
        String path = question < 0 ? remainder : remainder.substring(0, question);
        if (question >= 0) {
            UrlText.queryParameters(remainder.substring(question + 1), b.parameters);
        }
        readHosts(url, authority, b);
        if (b.hosts.isEmpty()) {
            b.hosts.add(new HostPort(UrlText.LOCALHOST, null));
        }
        b.databaseName = UrlText.decode(path.startsWith("/") ? path.substring(1) : path);
        b.credentialsFromParameters("user", "password");
        if (b.unixSocket || isUnixSocket(b)) {
            b.connectsThroughUnixSocket();
        }
        return b.build();
    }

    /** The authority ends at the first '/' or '?' outside parentheses (socket paths live inside them). */
    static int endOfAuthority(String url, String rest) {
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == '/' || c == '?')) {
                return i;
            }
        }
        if (depth > 0) {
            throw fail(url, "a '(' is never closed");
        }
        return rest.length();
    }

    private static void readHosts(String url, String authority, UrlBuilder b) {
        String hostList = authority;
        int at = lastTopLevelAt(authority);
        if (at >= 0) {
            UrlText.userInfo(url, authority.substring(0, at), b);
            hostList = authority.substring(at + 1);
        }
        if (hostList.isEmpty()) {
            return;
        }
        for (String spec : UrlText.splitTopLevel(url, hostList, ',')) {
            String trimmed = spec.trim();
            if (UrlText.startsWithIgnoreCase(trimmed, "address=")) {
                keyValueHost(url, pairs(url, trimmed.substring("address=".length())), b);
            } else if (trimmed.startsWith("(")) {
                keyValueHost(url, commaPairs(url, trimmed), b);
            } else {
                b.hosts.add(UrlText.hostPort(url, trimmed, UrlText.LOCALHOST));
            }
        }
    }

    static int lastTopLevelAt(String authority) {
        int depth = 0;
        int at = -1;
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == '@' && depth == 0) {
                at = i;
            }
        }
        return at;
    }

    /** {@code (host=h)(port=3306)}: every pair in its own parentheses. */
    private static Map<String, String> pairs(String url, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ADDRESS_PAIR.matcher(text);
        int pos = 0;
        while (m.find() && m.start() == pos) {
            out.put(UrlText.lower(m.group(1)), m.group(2));
            pos = m.end();
        }
        if (pos != text.length() || out.isEmpty()) {
            throw fail(url, "cannot read the host spec 'address=" + text + "'; write address=(host=h)(port=3306)");
        }
        return out;
    }

    /** {@code (host=h,port=3306,user=u)}: one pair of parentheses, pairs separated by commas. */
    private static Map<String, String> commaPairs(String url, String text) {
        String inner = text.length() < 2 ? "" : text.substring(1, text.length() - 1);
        if (!text.endsWith(")") || inner.indexOf('(') >= 0 || inner.indexOf(')') >= 0) {
            throw fail(url, "cannot read the host spec '" + text + "'; write (host=h,port=3306)");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : inner.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw fail(url, "'" + pair.trim() + "' in host spec '" + text + "' is not key=value");
            }
            out.put(UrlText.lower(pair.substring(0, eq).trim()), pair.substring(eq + 1).trim());
        }
        return out;
    }

    private static void keyValueHost(String url, Map<String, String> pairs, UrlBuilder b) {
        String host = pairs.getOrDefault("host", "");
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        b.hosts.add(new HostPort(host.isEmpty() ? UrlText.LOCALHOST : host, UrlText.port(url, pairs.get("port"))));
        if (b.user == null) {
            b.user = pairs.get("user");
        }
        if (b.password == null) {
            b.password = pairs.get("password");
        }
        String protocol = pairs.get("protocol");
        if (protocol != null && UrlText.lower(protocol).equals("unix") || pairs.containsKey("path")
                || pairs.containsKey("socket") || pairs.containsKey("localsocket")) {
            b.unixSocket = true;
        }
    }

    private static boolean isUnixSocket(UrlBuilder b) {
        String factory = b.parameterIgnoreCase("socketFactory");
        return factory != null && UrlText.lower(factory).contains("unix")
                || b.parameterIgnoreCase("localSocket") != null
                || b.parameterIgnoreCase("socket") != null
                || b.parameterIgnoreCase("junixsocket.file") != null;
    }
}
