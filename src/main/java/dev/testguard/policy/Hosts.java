package dev.testguard.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as the rules see them: loopback detection and one normal spelling per host. Never asks DNS. */
final class Hosts {

    /** The one spelling every loopback address normalizes to. */
    static final String LOOPBACK = "localhost";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9a-f:][0-9a-f:.]*(%[0-9a-z._-]+)?");
    private static final Pattern SINGLE_LABEL = Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?");

    private Hosts() {
    }

    /** localhost, localhost.localdomain, 127.0.0.0/8 and ::1 in any spelling (also IPv4-mapped). */
    static boolean isLoopback(String host) {
        String h = clean(host);
        if (h.equals("localhost") || h.equals("localhost.localdomain")) {
            return true;
        }
        if (isIpv4(h)) {
            return h.startsWith("127.");
        }
        InetAddress v6 = ipv6(h);
        return v6 != null && v6.isLoopbackAddress();
    }

    /** A name without dots such as {@code postgres} or {@code db}: a docker-compose or CI service container. */
    static boolean isSingleLabel(String host) {
        String h = clean(host);
        return SINGLE_LABEL.matcher(h).matches() && !h.chars().allMatch(Character::isDigit);
    }

    /** Lower case, no brackets or trailing dot, every loopback spelling as {@code localhost}, IPv6 in one form. */
    static String normalize(String host) {
        if (host == null || host.isBlank()) {
            return LOOPBACK; // drivers connect to localhost when the URL names no host
        }
        if (isLoopback(host)) {
            return LOOPBACK;
        }
        String h = clean(host);
        InetAddress v6 = ipv6(h);
        return v6 != null ? v6.getHostAddress() : h;
    }

    private static String clean(String host) {
        String h = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static boolean isIpv4(String h) {
        var m = IPV4.matcher(h);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The address when {@code h} is an IPv6 literal, else null. A name holding ':' cannot be a DNS name. */
    private static InetAddress ipv6(String h) {
        // only literal shapes reach InetAddress, so it never falls back to a DNS lookup
        if (!h.contains(":") || !IPV6_SHAPE.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
