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

    /** {@code //user:secret@host}: the secret runs to the last '@' before the host's '/'. */
    private static final Pattern USERINFO = Pattern.compile("(?<=/)([^/@:?;\\s]*:)((?:(?!;[\\w.-]+=)[^/?\\s])*)(@)");
    /** {@code user:secret@host} without the slashes. */
    private static final Pattern BARE_USERINFO = Pattern.compile(
            "(?<![\\w.%+~-])([\\w.%+~-]*:)([^:/?;\\s@]+)(@)");
    private static final String SECRET_KEY = "[\\w.-]*?(?:password|passwd|pwd|pass|secret|token)\\d*\\s*=\\s*";
    private static final Pattern SEMICOLON_PARAM = Pattern.compile(
            "(?i)((?:^|;)\\s*" + SECRET_KEY + ")(\\{[^}]*}?|[^;\\s]*)");
    private static final Pattern QUERY_PARAM = Pattern.compile(
            "(?i)((?:^|[?&\\s])" + SECRET_KEY + ")(\\{[^}]*}?|\"[^\"]*\"?|[^&\\s]*)");
    private static final Pattern HOST_SPEC_PARAM = Pattern.compile("(?i)(,\\s*" + SECRET_KEY + ")([^,)\\s]*)");
    private static final Pattern ADDRESS_PARAM = Pattern.compile("(?i)(\\(\\s*" + SECRET_KEY + ")([^)\\s]*)");
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
        String out = replace(SEMICOLON_PARAM, text, 1, -1);
        out = replace(ADDRESS_PARAM, out, 1, -1);
        out = replace(HOST_SPEC_PARAM, out, 1, -1);
        out = replace(QUERY_PARAM, out, 1, -1);
        out = replace(USER_SLASH_SECRET, out, 1, 3);
        out = replace(EMPTY_USER_SLASH_SECRET, out, 1, 3);
        out = replace(USERINFO, out, 1, 3);
        return replace(BARE_USERINFO, out, 1, 3);
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
