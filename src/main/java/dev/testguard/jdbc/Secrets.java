package dev.testguard.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in URLs and free text. Everything testguard prints, writes or throws goes
 * through here first, so a password can never reach a log, report, manifest or exception.
 */
public final class Secrets {

    public static final String MASK = "****";

    /**
     * {@code //user:secret@host}: the secret runs to the last '@' before the host's '/', so raw '@' and ':' in a
     * password are masked too. A ';' may be part of the secret, but not a SQL Server style {@code ;key=} after the host.
     */
    private static final Pattern USERINFO = Pattern.compile("(?<=/)([^/@:?;\\s]*:)((?:(?!;[\\w.-]+=)[^/?\\s])*)(@)");
    /** {@code user:secret@host} without the slashes ({@code jdbc:mysql:u:p@h}, typos, free text). */
    private static final Pattern BARE_USERINFO = Pattern.compile(
            "(?<![\\w.%+~-])([\\w.%+~-]*:)([^:/?;\\s@]+)(@)");
    /** A key holding a secret: password, sslpassword, password2, trustStorePassword, aadSecurePrincipalSecret... */
    private static final String SECRET_KEY = "[\\w.-]*?(?:password|passwd|pwd|pass|secret|token)\\d*\\s*=\\s*";
    /** {@code ;PASSWORD=secret} (H2, HSQLDB, Derby, SQL Server with {@code {braced}} values): the value runs to ';'. */
    private static final Pattern SEMICOLON_PARAM = Pattern.compile(
            "(?i)((?:^|;)\\s*" + SECRET_KEY + ")(\\{[^}]*}?|[^;\\s]*)");
    /** {@code ?password=secret&...} and free text {@code password=secret}: the value runs to '&'. */
    private static final Pattern QUERY_PARAM = Pattern.compile(
            "(?i)((?:^|[?&\\s])" + SECRET_KEY + ")(\\{[^}]*}?|\"[^\"]*\"?|[^&\\s]*)");
    /** MySQL host specs {@code (host=h,password=secret)}: the value runs to ',' or ')'. */
    private static final Pattern HOST_SPEC_PARAM = Pattern.compile("(?i)(,\\s*" + SECRET_KEY + ")([^,)\\s]*)");
    /** {@code address=(password=secret)}: one pair per parentheses, so the value runs to ')'. */
    private static final Pattern ADDRESS_PARAM = Pattern.compile("(?i)(\\(\\s*" + SECRET_KEY + ")([^)\\s]*)");
    /** Oracle {@code jdbc:oracle:thin:user/secret@host}, the secret possibly quoted or (wrongly) holding spaces. */
    private static final Pattern ORACLE_USER_PASS = Pattern.compile("(?i)(jdbc:oracle:[^/@\\r\\n]*/)(\"[^\"]*\"|[^@\\r\\n]*)(@)");
    /** Oracle-style {@code user/secret@} anywhere (typos, free text); never across '?', so {@code h/db?user=a@b} is safe. */
    private static final Pattern USER_SLASH_SECRET = Pattern.compile(
            "(?<![\\w.%+~-])([^/@:?;&\\s]+/)(\"[^\"]*\"|[^@?;&\\s]*)(@)");
    /** {@code :/secret@}: the same with the user missing; the secret cannot hold '/', or {@code ://host/db?user=a@b} would match. */
    private static final Pattern EMPTY_USER_SLASH_SECRET = Pattern.compile("((?<![\\w.%+~/-])/)([^@/?;&\\s]+)(@)");

    private Secrets() {
    }

    /** The URL (or any text holding URLs) with every credential replaced by {@value #MASK}. */
    public static String maskUrl(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Parameters first: a '@' inside a masked parameter value must not look like the end of a user info.
        String out = replace(SEMICOLON_PARAM, text, 1, -1);
        out = replace(ADDRESS_PARAM, out, 1, -1);
        out = replace(HOST_SPEC_PARAM, out, 1, -1);
        out = replace(QUERY_PARAM, out, 1, -1);
        out = replace(ORACLE_USER_PASS, out, 1, 3);
        out = replace(USER_SLASH_SECRET, out, 1, 3);
        out = replace(EMPTY_USER_SLASH_SECRET, out, 1, 3);
        out = replace(USERINFO, out, 1, 3);
        return replace(BARE_USERINFO, out, 1, 3);
    }

    /** Masks every occurrence of a known secret, then any URL credential, in free text such as tool output. */
    public static String maskText(String text, String... knownSecrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, MASK);
            }
        }
        return maskUrl(out);
    }

    private static String replace(Pattern pattern, String text, int keepBefore, int keepAfter) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            if (m.group(keepBefore + 1).startsWith(MASK)) {
                continue; // an earlier pattern masked this one already
            }
            String replacement = m.group(keepBefore) + (m.group(keepBefore + 1).isEmpty() ? "" : MASK)
                    + (keepAfter > 0 ? m.group(keepAfter) : "");
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
