package dev.testguard.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small text helpers shared by the vendor parsers. Every failure is a {@link JdbcUrlException} naming the masked URL. */
final class UrlText {

    static final String LOCALHOST = "localhost";

    private UrlText() {
    }

    static JdbcUrlException fail(String url, String problem) {
        return new JdbcUrlException(() -> "Cannot read JDBC URL '" + Secrets.maskUrl(url) + "': "
                + UrlMasker.maskProblem(url, problem));
    }

    static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Percent-decodes a path or user info ({@code +} stays a plus); a malformed escape is kept as written. */
    static String decode(String s) {
        return s == null || s.indexOf('%') < 0 ? s : decodeQuery(s.replace("+", "%2B"));
    }

    /** Percent-decodes a query value the way the drivers do ({@code +} is a space); a malformed escape is kept. */
    static String decodeQuery(String s) {
        if (s == null || s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Index of the first of {@code stops} in {@code s} from {@code from}, or {@code s.length()}. */
    static int indexOfAny(String s, String stops, int from) {
        for (int i = from; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** {@code a=1&b=2} into {@code into}, values percent-decoded; a key without {@code =} gets an empty value. */
    static void queryParameters(String query, Map<String, String> into) {
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                into.put(decodeQuery(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decodeQuery(pair.substring(eq + 1)));
            }
        }
    }

    /** The part before the first {@code ;}; the {@code A=1;B=2} settings after it go into {@code into}. */
    static String beforeSemicolonSettings(String text, Map<String, String> into) {
        int semicolon = text.indexOf(';');
        if (semicolon < 0) {
            return text;
        }
        semicolonSettings(text.substring(semicolon + 1), into);
        return text.substring(0, semicolon);
    }

    /** {@code A=1;B=2} (H2, HSQLDB, Derby, SQL Server) into {@code into}, values as written. */
    static void semicolonSettings(String settings, Map<String, String> into) {
        for (String pair : settings.split(";")) {
            String trimmed = pair.trim();
            if (!trimmed.isEmpty()) {
                int eq = trimmed.indexOf('=');
                into.put(eq < 0 ? trimmed : trimmed.substring(0, eq).trim(), eq < 0 ? "" : trimmed.substring(eq + 1).trim());
            }
        }
    }

    /** Splits on {@code separator} outside brackets and parentheses; fails on an unbalanced one. */
    static List<String> splitTopLevel(String url, String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inBrackets = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw fail(url, "a ')' closes nothing");
                }
            } else if (c == '[') {
                inBrackets = true;
            } else if (c == ']') {
                inBrackets = false;
            } else if (c == separator && depth == 0 && !inBrackets) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw fail(url, "a '(' is never closed");
        }
        if (inBrackets) {
            throw fail(url, "a '[' is never closed");
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port}; an empty host becomes {@code emptyHost}. */
    static HostPort hostPort(String url, String spec, String emptyHost) {
        String host;
        String port = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw fail(url, "the IPv6 address '" + spec + "' has no closing ']'");
            }
            host = spec.substring(1, close);
            String after = spec.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw fail(url, "unexpected '" + after + "' after the IPv6 address [" + host + "]");
                }
                port = after.substring(1);
            }
        } else {
            if (spec.indexOf('[') >= 0 || spec.indexOf(']') >= 0) {
                throw fail(url, "the host '" + spec + "' has a stray bracket");
            }
            int colon = spec.lastIndexOf(':');
            if (colon >= 0 && spec.indexOf(':') != colon) {
                throw fail(url, "the IPv6 address '" + spec + "' must be written in brackets: [" + spec + "]");
            }
            host = colon < 0 ? spec : spec.substring(0, colon);
            port = colon < 0 ? null : spec.substring(colon + 1);
        }
        if (host.isEmpty()) {
            host = emptyHost;
        }
        if (host == null) {
            throw fail(url, "a host is missing before ':" + port + "'");
        }
        return new HostPort(host, port(url, port));
    }

    static Integer port(String url, String port) {
        if (port == null || port.isEmpty()) {
            return null;
        }
        if (port.length() > 5 || !allDigits(port)) {
            throw fail(url, "the port '" + port + "' is not a number");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw fail(url, "the port " + value + " is outside 1-65535");
        }
        return value;
    }

    // plain loops, not IntStream matches: the runtime guard parses at the test JVM's first connection, where each
    // stream pipeline loads classes
    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean anyWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace((int) s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code user:password} (percent-encoded) of a URL authority into the builder. */
    static void userInfo(String url, String userInfo, UrlBuilder into) {
        if (anyWhitespace(userInfo)) {
            throw fail(url, "the user info before '@' holds a space; percent-encode it as %20");
        }
        int colon = userInfo.indexOf(':');
        into.user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        into.password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }

    /** The last segment of a path written with {@code /} or {@code \}: the name a person would call the database. */
    static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        String trimmed = path;
        while (trimmed.endsWith("/") || trimmed.endsWith("\\")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String last = trimmed.substring(cut + 1);
        return last.isEmpty() || last.equals("~") || last.equals(".") || last.equals("..") ? null : last;
    }
}
