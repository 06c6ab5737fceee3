package dev.testguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a database name into lower-case tokens at non-alphanumerics, camelCase boundaries and letter/digit
 * boundaries: {@code ordersTest} → orders, test; {@code app_test2} → app, test, 2; {@code HTTPServerTest} → http,
 * server, test. Whole tokens only, so {@code contest} never holds {@code test}.
 */
public final class NameTokenizer {

    private NameTokenizer() {
    }

    public static List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        if (name == null) {
            return tokens;
        }
        StringBuilder current = new StringBuilder();
        int[] cps = codePoints(name);
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (!Character.isLetterOrDigit(c)) {
                flush(current, tokens);
                continue;
            }
            if (current.length() > 0 && startsNewToken(cps[i - 1], c, i + 1 < cps.length ? cps[i + 1] : -1)) {
                flush(current, tokens);
            }
            current.appendCodePoint(c);
        }
        flush(current, tokens);
        return tokens;
    }

    /** A loop, not {@code codePoints().toArray()}: that stream pipeline costs the runtime guard's first judgement. */
    private static int[] codePoints(String name) {
        int[] cps = new int[name.codePointCount(0, name.length())];
        for (int i = 0, at = 0; i < cps.length; i++) {
            cps[i] = name.codePointAt(at);
            at += Character.charCount(cps[i]);
        }
        return cps;
    }

    /** Whether {@code c} starts a new token after {@code previous}; {@code next} is -1 at the end. */
    private static boolean startsNewToken(int previous, int c, int next) {
        if (Character.isDigit(previous) != Character.isDigit(c)) {
            return true;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(c)) {
            return true;
        }
        // the last capital of an acronym starts the next word: HTTPServer -> HTTP | Server
        return Character.isUpperCase(previous) && Character.isUpperCase(c) && next != -1 && Character.isLowerCase(next);
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (current.length() > 0) {
            tokens.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }
}
