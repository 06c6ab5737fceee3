package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle: {@code jdbc:oracle:<driver>:[user/password]@target} where target is {@code host:port:SID},
 * {@code [//]host[:port]/service}, a TNS descriptor {@code (DESCRIPTION=...)} or a TNS alias.
 */
final class OracleUrls {

    private static final UrlPrefix PREFIX = new UrlPrefix("(?i)jdbc:oracle:([a-z0-9]+):");
    /** {@code host:port:SID}, the oldest thin form. */
    private static final Pattern SID_FORM = Pattern.compile("([^:/\\[\\]]+|\\[[^\\]]*]):(\\d+):([^:/?]+)");

    private OracleUrls() {
    }

    static boolean accepts(String url) {
        return PREFIX.accepts(url);
    }

    /** Where {@code jdbc:oracle:<driver>:} ends, or -1. */
    static int prefixEnd(String url) {
        return PREFIX.end(url);
    }

    static JdbcUrl parse(String url) {
        Matcher prefix = PREFIX.require(url, "write jdbc:oracle:thin:@//host:1521/service");
        UrlBuilder b = new UrlBuilder(url, Vendor.ORACLE).storage(Storage.SERVER);
        String rest = url.substring(prefix.end());
        int at = credentialsEnd(rest);
        if (at < 0) {
            throw fail(url, "'@' must come before the server; write jdbc:oracle:thin:@//host:1521/service");
        }
        if (at > 0) {
            credentials(rest.substring(0, at), b);
        }
        String target = rest.substring(at + 1).trim();
        if (target.isEmpty()) {
            throw fail(url, "it names no server after '@'; write jdbc:oracle:thin:@//host:1521/service");
        }
        if (target.startsWith("(")) {
            descriptor(url, target, b);
        } else {
            simpleTarget(url, target, b);
        }
        return b.build();
    }

    /** The '@' ending {@code user/password}: passwords may be quoted and hold '@'. */
    static int credentialsEnd(String rest) {
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted) {
                return i;
            } else if (!quoted && c == '(') {
                return -1;
            }
        }
        return -1;
    }

    private static void credentials(String userPassword, UrlBuilder b) {
        int slash = userPassword.indexOf('/');
        b.user = unquote(slash < 0 ? userPassword : userPassword.substring(0, slash));
        b.password = slash < 0 ? null : unquote(userPassword.substring(slash + 1));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static void simpleTarget(String url, String target, UrlBuilder b) {
        int question = target.indexOf('?');
        if (question >= 0) {
            UrlText.queryParameters(target.substring(question + 1), b.parameters);
            target = target.substring(0, question);
        }
        String lower = UrlText.lower(target);
        for (String protocol : List.of("tcp://", "tcps://", "//")) {
            if (lower.startsWith(protocol)) {
                easyConnect(url, target.substring(protocol.length()), b);
                return;
            }
        }
        Matcher sid = SID_FORM.matcher(target);
        if (sid.matches()) {
            b.hosts.add(UrlText.hostPort(url, sid.group(1) + ":" + sid.group(2), null));
            b.databaseName = sid.group(3);
        } else if (target.contains("/") || target.contains(":")) {
            easyConnect(url, target, b);
        } else {
            // A TNS alias: tnsnames.ora, not the URL, knows the host.
            b.databaseName = target;
        }
    }

    /** {@code host[:port][/service[:server][/instance]]}. */
    private static void easyConnect(String url, String target, UrlBuilder b) {
        int slash = target.indexOf('/');
        String hosts = slash < 0 ? target : target.substring(0, slash);
        if (hosts.isEmpty()) {
            throw fail(url, "it names no host; write jdbc:oracle:thin:@//host:1521/service");
        }
        for (String spec : UrlText.splitTopLevel(url, hosts, ',')) {
            b.hosts.add(UrlText.hostPort(url, spec, null));
        }
        if (slash >= 0) {
            String service = target.substring(slash + 1);
            b.databaseName = service.split("[:/]", 2)[0];
        }
    }

    private static void descriptor(String url, String text, UrlBuilder b) {
        Node root = Node.parse(url, text);
        List<Node> addresses = new ArrayList<>();
        root.collect("ADDRESS", addresses);
        for (Node address : addresses) {
            String protocol = address.value("PROTOCOL");
            if (protocol != null && protocol.equalsIgnoreCase("IPC")) {
                b.unixSocket = true;
                continue;
            }
            String host = address.value("HOST");
            if (host != null) {
                b.hosts.add(new HostPort(host.matches("\\[.+]") ? host.substring(1, host.length() - 1) : host,
                        UrlText.port(url, address.value("PORT"))));
            }
        }
        List<Node> connectData = new ArrayList<>();
        root.collect("CONNECT_DATA", connectData);
        for (Node data : connectData) {
            String name = data.value("SERVICE_NAME") != null ? data.value("SERVICE_NAME") : data.value("SID");
            if (name != null && b.databaseName == null) {
                b.databaseName = name;
            }
        }
        if (b.hosts.isEmpty() && !b.unixSocket) {
            throw fail(url, "the TNS descriptor names no (HOST=...)");
        }
        if (b.unixSocket && b.hosts.isEmpty()) {
            b.connectsThroughUnixSocket();
        }
    }

    /** One {@code (KEY=value)} or {@code (KEY=(...)(...))} element of a TNS descriptor. */
    private record Node(String key, String value, List<Node> children) {

        private static final int MAX_DEPTH = 32;

        static Node parse(String url, String text) {
            int[] pos = {0};
            List<Node> top = new ArrayList<>();
            while (skipSpaces(text, pos) < text.length()) {
                top.add(element(url, text, pos, 0));
            }
            return new Node("", null, top);
        }

        private static Node element(String url, String text, int[] pos, int depth) {
            if (depth > MAX_DEPTH) {
                throw fail(url, "the TNS descriptor nests too deeply");
            }
            if (skipSpaces(text, pos) >= text.length() || text.charAt(pos[0]) != '(') {
                throw fail(url, "the TNS descriptor expects '(' at position " + pos[0]);
            }
            pos[0]++;
            int eq = text.indexOf('=', pos[0]);
            int close = text.indexOf(')', pos[0]);
            if (eq < 0 || close >= 0 && close < eq) {
                throw fail(url, "the TNS descriptor has an element without '=' at position " + pos[0]);
            }
            String key = text.substring(pos[0], eq).trim().toUpperCase(java.util.Locale.ROOT);
            pos[0] = eq + 1;
            List<Node> children = new ArrayList<>();
            String value = null;
            if (skipSpaces(text, pos) < text.length() && text.charAt(pos[0]) == '(') {
                while (skipSpaces(text, pos) < text.length() && text.charAt(pos[0]) == '(') {
                    children.add(element(url, text, pos, depth + 1));
                }
            } else {
                int end = UrlText.indexOfAny(text, "()", pos[0]);
                value = text.substring(pos[0], end).trim();
                pos[0] = end;
            }
            if (skipSpaces(text, pos) >= text.length() || text.charAt(pos[0]) != ')') {
                throw fail(url, "a '(' in the TNS descriptor is never closed");
            }
            pos[0]++;
            return new Node(key, value, children);
        }

        private static int skipSpaces(String text, int[] pos) {
            while (pos[0] < text.length() && Character.isWhitespace(text.charAt(pos[0]))) {
                pos[0]++;
            }
            return pos[0];
        }

        void collect(String wanted, List<Node> into) {
            for (Node child : children) {
                if (child.key.equals(wanted)) {
                    into.add(child);
                }
                child.collect(wanted, into);
            }
        }

        String value(String childKey) {
            for (Node child : children) {
                if (child.key.equals(childKey)) {
                    return child.value;
                }
            }
            return null;
        }
    }
}
