package dev.testguard.jdbc;

import dev.testguard.policy.NameTokenizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Control characters (C0, DEL, C1) have no place in a JDBC URL: a server reads {@code shopx\u0000_test} as
 * {@code shopx}, and CR/LF forge log lines. Refused wherever they appear: written, percent-encoded, or in a
 * connection property.
 */
final class ControlCharacters {

    /** Words that make a key secret wherever they stand in it: {@code sslpassword}, {@code trustStorePassword}. */
    private static final Pattern SECRET_WORD = Pattern.compile("(?i)password|passwd|passphrase|pwd|secret|credential|token");
    /** A word that makes a key secret only as a whole token: {@code db.pass}, {@code mysqlPass}, never {@code compass}. */
    private static final String PASS = "pass";

    private ControlCharacters() {
    }

    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    static int firstIn(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The raw URL as written. */
    static void refuseIn(String url) {
        int at = firstIn(url);
        if (at >= 0) {
            throw Ambiguity.of(url, "it holds the control character " + name(url.charAt(at)) + " at position " + at
                    + "; a server may read the name only up to it (a NUL ends a PostgreSQL name), so the database "
                    + "it opens is not the one written");
        }
    }

    /** A value after decoding ({@code %00}, {@code %0A}...); {@code what} names it, the value is never printed. */
    /** Percent-decodes {@code value} as {@code driver} does, then refuses control characters in a non-secret value. */
    static String decodeChecked(String url, String driver, String what, String value) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw UrlText.fail(url, driver + " cannot percent-decode " + what);
        }
        if (!isSecretKey(what)) {
            refuseInValue(url, what, decoded);
        }
        return decoded;
    }

    static void refuseInValue(String url, String what, String value) {
        int at = firstIn(value);
        if (at >= 0) {
            throw Ambiguity.of(url, what + " holds the control character " + name(value.charAt(at))
                    + " once percent-decoded; a server may read it only up to that character, so the database it "
                    + "opens is not the one written");
        }
    }

    /** Every non-secret connection property. */
    static void refuseInProperties(String url, Map<String, String> properties) {
        refuseInEntries(url, "the connection property", properties);
    }

    /**
     * Every non-secret entry (key and value) of {@code entries}, named as {@code kind} in a refusal. A loop, not
     * {@code forEach}: the runtime guard's first judgement would spin a lambda class for it.
     */
    static void refuseInEntries(String url, String kind, Map<String, String> entries) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (!isSecretKey(e.getKey())) {
                refuseInValue(url, kind + " '" + visible(e.getKey()) + "'", e.getKey() + e.getValue());
            }
        }
    }

    /**
     * Keys whose value is a secret: never looked into, never printed. A key holding {@code password}, {@code passwd},
     * {@code passphrase}, {@code pwd}, {@code secret}, {@code credential(s)} or {@code token}, or {@code pass} as a whole
     * token (split as database names are, {@link NameTokenizer}): {@code compass} and {@code bypassCache} are no secrets.
     */
    static boolean isSecretKey(String key) {
        return key != null && (SECRET_WORD.matcher(key).find() || NameTokenizer.tokens(key).contains(PASS));
    }

    static String name(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /** The text with every control character shown as {@code \}{@code uXXXX}: safe to print. */
    static String visible(String s) {
        if (firstIn(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(isControl(c) ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
