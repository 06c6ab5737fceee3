package dev.testguard.jdbc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Masks the credentials of one whole URL by parsing it: the vendor's parser reads the URL, {@link CredentialSpans}
 * finds its secrets where that parser finds them, and the masked URL is parsed again to prove it names the same
 * target with every secret masked. A URL that cannot be parsed, or whose masking cannot be proved, loses everything
 * after its scheme when it holds anything that may introduce a secret.
 *
 * <p>Non-JDBC URLs ({@code postgres://u:p@h/db}, {@code r2dbc:postgresql://u:p@h/db}) are read as if written
 * {@code jdbc:}{@code <url>}, by the parser that form selects.
 */
final class UrlMasker {

    private static final String JDBC = "jdbc:";
    private static final Comparator<CredentialSpans.Span> BY_START = new Comparator<>() {
        @Override
        public int compare(CredentialSpans.Span a, CredentialSpans.Span b) {
            return Integer.compare(a.start(), b.start());
        }
    };

    private UrlMasker() {
    }

    /** {@code text} is one URL, possibly with surrounding whitespace; its inside may hold spaces. */
    static String maskWhole(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String url = text.substring(start, end);
        if (url.isEmpty()) {
            return text;
        }
        boolean jdbc = UrlText.startsWithIgnoreCase(url, JDBC);
        String masked = maskJdbc(jdbc ? url : JDBC + url);
        return text.substring(0, start) + (jdbc ? masked : masked.substring(JDBC.length())) + text.substring(end);
    }

    private static String maskJdbc(String url) {
        JdbcUrl written;
        try {
            written = JdbcUrlParser.parseWritten(url);
        } catch (RuntimeException unreadable) {
            return unreadable(url);
        }
        CredentialSpans spans;
        try {
            spans = CredentialSpans.of(url, JdbcUrlParser.formOf(url));
        } catch (RuntimeException e) {
            return afterScheme(url);
        }
        if (!spans.explainsEveryAt(false)) {
            return afterScheme(url);
        }
        String masked = replace(url, spans.secrets);
        return provesMasked(written, masked) ? masked : afterScheme(url);
    }

    /**
     * A URL its parser refuses (a typo in the port, a space in the user info): its credentials are masked where
     * the parser's splits put them when that leaves nothing that may be a secret (no '@' but the one ending the
     * credentials, no secret parameter the free-text net still finds, no Oracle {@code user/password} without
     * '@'). Anything else loses everything after its scheme.
     */
    static String unreadable(String url) {
        if (!mayHoldSecret(url)) {
            return url;
        }
        try {
            Vendor form = JdbcUrlParser.formOf(url);
            CredentialSpans spans = CredentialSpans.of(url, form);
            boolean oracleWithoutAt = form == Vendor.ORACLE && spans.credentialsEnd < 0;
            if (spans.explainsEveryAt(true) && !oracleWithoutAt) {
                String masked = replace(url, spans.secrets);
                if (FreeTextMasker.patterns(masked).equals(masked)) {
                    return masked;
                }
            }
        } catch (RuntimeException tooBroken) {
            // falls through
        }
        return afterScheme(url);
    }

    /**
     * True when {@code url} holds whitespace and its parser's splits put each inside a secret that is not masked
     * already and that its delimiter closes ({@code user:Pw Zq81@}, {@code password=Pw Zq81&}): a password holding a
     * space. Words that only follow a URL never pass, nor those after a last {@code ?password=}: nothing says whether
     * they belong to it (a known password is masked in such text by {@link KnownSecrets}).
     */
    static boolean whitespaceInsideSecrets(String url) {
        String jdbcUrl = UrlText.startsWithIgnoreCase(url, JDBC) ? url : JDBC + url;
        int shift = jdbcUrl.length() - url.length();
        CredentialSpans spans;
        try {
            spans = CredentialSpans.of(jdbcUrl, JdbcUrlParser.formOf(jdbcUrl));
        } catch (RuntimeException tooBroken) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i))) {
                if (!spans.insideClosedSecret(i + shift)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static String replace(String url, List<CredentialSpans.Span> secrets) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        List<CredentialSpans.Span> byStart = new ArrayList<>(secrets);
        byStart.sort(BY_START); // stable, as the stream's sort was; no stream at the runtime guard's first connection
        for (CredentialSpans.Span span : byStart) {
            if (span.start() < pos) {
                continue;
            }
            sb.append(url, pos, span.start()).append(span.start() == span.end() ? "" : Secrets.MASK);
            pos = span.end();
        }
        return sb.append(url.substring(pos)).toString();
    }

    /** The masked URL, parsed again, names the same target and holds nothing but masks where secrets were. */
    private static boolean provesMasked(JdbcUrl written, String masked) {
        JdbcUrl again;
        try {
            again = JdbcUrlParser.parseWritten(masked);
        } catch (RuntimeException e) {
            return false;
        }
        return again.vendor() == written.vendor() && again.storage() == written.storage()
                && again.hosts().equals(written.hosts()) && again.unixSocket() == written.unixSocket()
                && Objects.equals(again.databaseName(), written.databaseName())
                && Objects.equals(again.filePath(), written.filePath())
                && Objects.equals(again.user(), written.user())
                && isMasked(written.password(), again.password())
                && parametersMasked(written.parameters(), again.parameters());
    }

    private static boolean parametersMasked(Map<String, String> written, Map<String, String> again) {
        if (!written.keySet().equals(again.keySet())) {
            return false;
        }
        for (Map.Entry<String, String> e : written.entrySet()) {
            boolean ok = ControlCharacters.isSecretKey(e.getKey()) ? isMasked(e.getValue(), again.get(e.getKey()))
                    : Objects.equals(e.getValue(), again.get(e.getKey()));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMasked(String secret, String shown) {
        if (secret == null || secret.isEmpty()) {
            return Objects.equals(secret, shown);
        }
        return Secrets.MASK.equals(shown);
    }

    /** A user info or Oracle credentials ('@'), a secret key, or Oracle's {@code user/password}. */
    private static boolean mayHoldSecret(String url) {
        return url.indexOf('@') >= 0 || ControlCharacters.isSecretKey(url)
                || OracleUrls.accepts(url) && url.indexOf('/') >= 0;
    }

    /** {@code jdbc:<sub>:} (and a '//' right after it) then {@value Secrets#MASK}. */
    static String afterScheme(String url) {
        int colon = url.indexOf(':', JDBC.length());
        int keep = colon < 0 ? url.length() : colon + 1;
        if (url.startsWith("//", keep)) {
            keep += 2;
        }
        return url.substring(0, keep) + Secrets.MASK;
    }

    /**
     * A parser's problem text about {@code url}, which may quote pieces of it ({@code the port 'Pw' is not a number}
     * when a password holds a '/'): every run of 3 or more characters the masked URL hides is hidden here too.
     */
    static String maskProblem(String url, String problem) {
        String masked = Secrets.maskUrl(url);
        if (problem == null || url == null || masked.equals(url)) {
            return Secrets.maskUrl(problem);
        }
        String scheme = afterScheme(url);
        List<String> hidden = masked.equals(scheme)
                ? List.of(url.substring(scheme.length() - Secrets.MASK.length()))
                : secretTexts(url);
        return Secrets.maskUrl(hideCommonRuns(hideQuotedPieces(problem, hidden), hidden));
    }

    /** {@code 'Pw'}: a quoted piece the masked URL hides, however short. */
    private static String hideQuotedPieces(String text, List<String> hidden) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']{2,})'").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String piece = m.group(1);
            boolean hide = hidden.stream().anyMatch(h -> h.contains(piece));
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(hide ? "'" + Secrets.MASK + "'" : m.group()));
        }
        return m.appendTail(sb).toString();
    }

    private static List<String> secretTexts(String url) {
        try {
            return CredentialSpans.of(url, JdbcUrlParser.formOf(url)).secrets.stream()
                    .map(span -> url.substring(span.start(), span.end())).toList();
        } catch (RuntimeException e) {
            return List.of(url);
        }
    }

    private static final int MIN_RUN = 3;

    private static String hideCommonRuns(String text, List<String> hidden) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int longest = 0;
            for (int end = i + MIN_RUN; end <= text.length(); end++) {
                String run = text.substring(i, end);
                if (hidden.stream().noneMatch(h -> h.contains(run))) {
                    break;
                }
                longest = end - i;
            }
            if (longest > 0) {
                sb.append(Secrets.MASK);
                i += longest;
            } else {
                sb.append(text.charAt(i++));
            }
        }
        return sb.toString();
    }
}
