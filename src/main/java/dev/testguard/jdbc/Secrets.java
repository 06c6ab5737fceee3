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
     * password are masked too.
     */
    private static final Pattern USERINFO = Pattern.compile("(?<=/)([^/@:?;\\s]*:)([^/?;\\s]*)(@)");
    /** {@code user:secret@host} without the slashes ({@code jdbc:mysql:u:p@h}, typos, free text). */
    private static final Pattern BARE_USERINFO = Pattern.compile(
            "(?<![\\w.%+~-])([\\w.%+~-]+:)([^:/?;\\s@]+)(@)");
    /**
     * {@code password=secret} in query strings, {@code ;PASSWORD=secret} (H2, Derby, SQL Server, with {@code {braced}}
     * values), {@code (password=secret)} and {@code ,password=secret} (MySQL host specs), and any key ending in
     * password, pwd, secret or token ({@code sslpassword}, {@code password2}, {@code trustStorePassword}...).
     */
    private static final Pattern PASSWORD_PARAM = Pattern.compile(
            "(?i)((?:^|[?&;,(\\s])[\\w.-]*?(?:password|passwd|pwd|pass|secret|token)\\d*\\s*=\\s*)"
                    + "(\\{[^}]*}?|\"[^\"]*\"?|[^&;,)\\s]*)");
    /** Oracle {@code jdbc:oracle:thin:user/secret@host}, the secret possibly quoted. */
    private static final Pattern ORACLE_USER_PASS = Pattern.compile(
            "(?i)(jdbc:oracle:[a-z0-9]+:[^/@:\\s]+/)(\"[^\"]*\"|[^@\\s]*)(@)");

    private Secrets() {
    }

    /** The URL (or any text holding URLs) with every credential replaced by {@value #MASK}. */
    public static String maskUrl(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Parameters first: a '@' inside a masked parameter value must not look like the end of a user info.
        String out = replace(PASSWORD_PARAM, text, 1, -1);
        out = replace(ORACLE_USER_PASS, out, 1, 3);
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
            String replacement = m.group(keepBefore) + (m.group(keepBefore + 1).isEmpty() ? "" : MASK)
                    + (keepAfter > 0 ? m.group(keepAfter) : "");
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
