package dev.testguard.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks URLs and credentials inside free text (messages, tool output), where nothing says where a URL ends. Each URL
 * found runs to the next whitespace and is masked by parsing ({@link UrlMasker}); the patterns after it are the
 * last net for credentials written outside a URL ({@code password=...}, {@code user:secret@host}).
 */
final class FreeTextMasker {

    /** A JDBC/R2DBC URL or any {@code scheme://}, not inside a word. */
    private static final Pattern URL_START = Pattern.compile(
            "(?i)(?<![\\w.+-])(?:jdbc:[a-z0-9]|r2dbcs?:[a-z0-9]|[a-z][a-z0-9+.-]*://)");
    /** Punctuation closing a sentence or a quote after a URL in text: not part of it. */
    private static final String TRAILING = "'\"),.:;]}>";
    /** How many words after a URL's first whitespace may still belong to its password. */
    private static final int MAX_WORDS = 8;

    /** {@code //user:secret@host}: the secret runs to the last '@' before the host's '/'. */
    private static final Pattern USERINFO = Pattern.compile("(?<=/)([^/@:?;\\s]*:)((?:(?!;[\\w.-]+=)[^/?\\s])*)(@)");
    /** {@code user:secret@host} without the slashes. */
    private static final Pattern BARE_USERINFO = Pattern.compile(
            "(?<![\\w.%+~-])([\\w.%+~-]*:)([^:/?;\\s@]+)(@)");
    /** Any {@code key=}: whether its value is a secret is decided by {@link ControlCharacters#isSecretKey}. */
    private static final String KEY = "[\\w.-]+\\s*=\\s*";
    private static final Pattern SEMICOLON_PARAM = Pattern.compile(
            "(?i)((?:^|;)\\s*" + KEY + ")(\\{[^}]*}?|[^;\\s]*)");
    private static final Pattern QUERY_PARAM = Pattern.compile(
            "(?i)((?:^|[?&\\s])" + KEY + ")(\\{[^}]*}?|\"[^\"]*\"?|[^&\\s]*)");
    private static final Pattern HOST_SPEC_PARAM = Pattern.compile("(?i)(,\\s*" + KEY + ")([^,)\\s]*)");
    private static final Pattern ADDRESS_PARAM = Pattern.compile("(?i)(\\(\\s*" + KEY + ")([^)\\s]*)");
    private static final Pattern USER_SLASH_SECRET = Pattern.compile(
            "(?<![\\w.%+~-])([^/@:?;&\\s]+/)(\"[^\"]*\"|[^@?;&\\s]*)(@)");
    private static final Pattern EMPTY_USER_SLASH_SECRET = Pattern.compile("((?<![\\w.%+~/-])/)([^@/?;&\\s]+)(@)");

    private FreeTextMasker() {
    }

    /** True when {@code text} (stripped) begins with a URL. */
    static boolean startsWithUrl(String text) {
        Matcher m = URL_START.matcher(text.strip());
        return m.lookingAt();
    }

    static String mask(String text) {
        return patterns(urls(text));
    }

    private static String urls(String text) {
        Matcher m = URL_START.matcher(text);
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        while (m.find(pos)) {
            int end = m.start();
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            end = throughSecretSpaces(text, m.start(), end);
            int urlEnd = end;
            while (urlEnd > m.start() && closesText(text.substring(m.start(), urlEnd))) {
                urlEnd--;
            }
            sb.append(text, pos, m.start()).append(UrlMasker.maskWhole(text.substring(m.start(), urlEnd)))
                    .append(text, urlEnd, end);
            pos = end;
        }
        return sb.append(text.substring(pos)).toString();
    }

    /**
     * Where a URL that starts at {@code start} ends, when the first whitespace (at {@code end}) may stand inside its
     * password ({@code user:Pw Zq81@host}, {@code ?password=Pw Zq81&ssl=true}): the longest run of words on its line,
     * up to {@value #MAX_WORDS} more, in which its parser puts every whitespace inside a closed, unmasked secret.
     */
    private static int throughSecretSpaces(String text, int start, int end) {
        int longest = end;
        int next = end;
        for (int words = 0; words < MAX_WORDS; words++) {
            while (next < text.length() && isBlank(text.charAt(next))) {
                next++;
            }
            if (next >= text.length() || Character.isWhitespace(text.charAt(next))) {
                break;
            }
            while (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (UrlMasker.whitespaceInsideSecrets(text.substring(start, next))) {
                longest = next;
            }
        }
        return longest;
    }

    /** Whitespace within a line. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) && c != '\n' && c != '\r';
    }

    /** The last character of {@code candidate} ends the sentence or quote around it, not the URL. */
    private static boolean closesText(String candidate) {
        char last = candidate.charAt(candidate.length() - 1);
        int closer = ")]}".indexOf(last);
        if (closer >= 0) {
            char opener = "([{".charAt(closer);
            return count(candidate, opener) < count(candidate, last);
        }
        return TRAILING.indexOf(last) >= 0;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    /** The last net: credentials written outside a URL. */
    static String patterns(String text) {
        // Parameters first: a '@' inside a masked parameter value must not look like the end of a user info.
        String out = replaceSecretValues(SEMICOLON_PARAM, text);
        out = replaceSecretValues(ADDRESS_PARAM, out);
        out = replaceSecretValues(HOST_SPEC_PARAM, out);
        out = replaceSecretValues(QUERY_PARAM, out);
        out = replace(USER_SLASH_SECRET, out, 1, 3);
        out = replace(EMPTY_USER_SLASH_SECRET, out, 1, 3);
        out = replace(USERINFO, out, 1, 3);
        return replace(BARE_USERINFO, out, 1, 3);
    }

    /**
     * {@code key=value} (group 1 up to the value, group 2 the value): the value is masked when the key is a secret one;
     * after any other key the search goes on inside its value, which may hold a secret {@code key=value} of its own.
     */
    private static String replaceSecretValues(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            String value = m.group(2);
            if (!ControlCharacters.isSecretKey(keyOf(m.group(1))) || value.isEmpty() || value.startsWith(Secrets.MASK)) {
                from = m.start(2) > m.start() ? m.start(2) : m.start() + 1;
                continue;
            }
            sb.append(text, pos, m.start(2)).append(Secrets.MASK);
            pos = m.end(2);
            from = Math.max(pos, m.start() + 1);
        }
        return sb.append(text.substring(pos)).toString();
    }

    /** The key of {@code ;key =}, {@code (key=}, {@code ?key=}: the last run of key characters before the '='. */
    private static String keyOf(String prefix) {
        int end = prefix.lastIndexOf('=');
        while (end > 0 && Character.isWhitespace(prefix.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(prefix.charAt(start - 1)) || "_.-".indexOf(prefix.charAt(start - 1)) >= 0)) {
            start--;
        }
        return prefix.substring(start, end);
    }

    private static String replace(Pattern pattern, String text, int keepBefore, int keepAfter) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            if (m.group(keepBefore + 1).startsWith(Secrets.MASK)) {
                continue; // masked already
            }
            String replacement = m.group(keepBefore) + (m.group(keepBefore + 1).isEmpty() ? "" : Secrets.MASK)
                    + (keepAfter > 0 ? m.group(keepAfter) : "");
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
