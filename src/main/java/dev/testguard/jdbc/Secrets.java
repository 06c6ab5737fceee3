package dev.testguard.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in URLs and free text. Everything testguard prints, writes or throws goes
 * through here first, so a password can never reach a log, report, manifest or exception.
 */
public final class Secrets {

    public static final String MASK = "****";

    /** {@code scheme://user:secret@host}: the secret part. */
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:?;\\s]*:)([^@/\\s]*)(@)");
    /** {@code password=secret} in query strings, {@code ;password=secret} in H2/SQL Server style URLs. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile(
            "(?i)((?:^|[?&;,(\\s])(?:password|passwd|pwd|pass|sslpassword|ssl-password|trustCertificateKeyStorePassword"
                    + "|clientCertificateKeyStorePassword|keyStorePassword|trustStorePassword)\\s*=\\s*)([^&;,)\\s]*)");
    /** Oracle thin {@code jdbc:oracle:thin:user/secret@host}. */
    private static final Pattern ORACLE_USER_PASS = Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:\\s]+/)([^@\\s]*)(@)");

    private Secrets() {
    }

    /** The URL (or any text holding URLs) with every credential replaced by {@value #MASK}. */
    public static String maskUrl(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(USERINFO, text, 1, 3);
        out = replace(ORACLE_USER_PASS, out, 1, 3);
        out = replace(PASSWORD_PARAM, out, 1, -1);
        return out;
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
