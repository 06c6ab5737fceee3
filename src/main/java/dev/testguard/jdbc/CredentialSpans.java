package dev.testguard.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Where the secrets of one URL sit in its text, found by the same splits its vendor's parser makes: the password of a
 * {@code user:password@} user info (up to the '@' the parser ends it at), the value of every secret parameter
 * ({@code password}, {@code sslpassword}, {@code trustStorePassword}...) in a {@code ?a=b&c=d} query, a
 * {@code ;A=B} setting list or a MySQL host spec, and Oracle's {@code user/password@}. Also records which '@'
 * characters the parser explains, so that one it does not (a password holding a raw '/') can be caught.
 */
final class CredentialSpans {

    /** {@code [start, end)} of the raw URL. */
    record Span(int start, int end) {
    }

    private final String url;
    final List<Span> secrets = new ArrayList<>();
    /** Values of user keys ({@code user=me@corp}): an '@' there is part of a user name. */
    final List<Span> userValues = new ArrayList<>();
    /** The '@' ending the user info (or Oracle's credentials), or -1. */
    int credentialsEnd = -1;

    private CredentialSpans(String url) {
        this.url = url;
    }

    /**
     * The spans of {@code url} read as {@code form} (the vendor {@link JdbcUrlParser#formOf} picks).
     *
     * @throws RuntimeException when the URL is too broken to split
     */
    static CredentialSpans of(String url, Vendor form) {
        CredentialSpans spans = new CredentialSpans(url);
        switch (form) {
            case POSTGRESQL -> spans.postgres();
            case MYSQL, MARIADB -> spans.mysql();
            case SQLSERVER -> spans.sqlServer();
            case H2, HSQLDB, DERBY -> spans.settingsAfterFirstSemicolon();
            case ORACLE -> spans.oracle();
            case SQLITE, TESTCONTAINERS -> spans.queryAfterFirstQuestionMark();
            default -> spans.generic();
        }
        return spans;
    }

    private void postgres() {
        int base = PostgresUrls.PREFIX.length();
        int question = url.indexOf('?', base);
        int end = question < 0 ? url.length() : question;
        if (question >= 0) {
            query(question + 1, url.length());
        }
        if (url.startsWith("//", base)) {
            int start = base + 2;
            int slash = url.indexOf('/', start);
            int authorityEnd = slash < 0 || slash > end ? end : slash;
            userInfo(start, url.lastIndexOf('@', authorityEnd - 1));
        }
    }

    private void mysql() {
        int start = MysqlUrls.prefixEnd(url) + 2;
        String rest = url.substring(start);
        int end = start + MysqlUrls.endOfAuthority(url, rest);
        int at = MysqlUrls.lastTopLevelAt(url.substring(start, end));
        if (at >= 0) {
            userInfo(start, start + at);
        }
        hostSpecs(at >= 0 ? start + at + 1 : start, end);
        int question = url.indexOf('?', end);
        if (question >= 0) {
            query(question + 1, url.length());
        }
    }

    /** {@code address=(k=v)(k=v)} and {@code (k=v,k=v)} host specs: secret values inside the parentheses. */
    private void hostSpecs(int start, int end) {
        int depth = 0;
        int open = -1;
        for (int i = start; i < end; i++) {
            char c = url.charAt(i);
            if (c == '(' && depth++ == 0) {
                open = i + 1;
            } else if (c == ')' && --depth == 0) {
                // address=(k=v)(k=v) holds one pair per parentheses, its value running to ')'
                char before = open - 2 >= start ? url.charAt(open - 2) : ',';
                if (before == '=' || before == ')') {
                    pair(open, i);
                } else {
                    pairs(open, i, ',');
                }
            }
        }
    }

    private void sqlServer() {
        int base = url.indexOf("//") + 2;
        int semicolon = url.indexOf(';', base);
        if (semicolon < 0) {
            return;
        }
        int pairStart = semicolon + 1;
        boolean braced = false;
        for (int i = pairStart; i <= url.length(); i++) {
            char c = i < url.length() ? url.charAt(i) : ';';
            if (c == '{') {
                braced = true;
            } else if (c == '}') {
                braced = false;
            } else if (c == ';' && !braced) {
                pair(pairStart, i);
                pairStart = i + 1;
            }
        }
    }

    private void settingsAfterFirstSemicolon() {
        int semicolon = url.indexOf(';', "jdbc:".length());
        if (semicolon >= 0) {
            pairs(semicolon + 1, url.length(), ';');
        }
    }

    private void queryAfterFirstQuestionMark() {
        int question = url.indexOf('?');
        if (question >= 0) {
            query(question + 1, url.length());
        }
    }

    private void oracle() {
        int base = OracleUrls.prefixEnd(url);
        int at = OracleUrls.credentialsEnd(url.substring(base));
        if (at < 0) {
            return;
        }
        credentialsEnd = base + at;
        int slash = url.indexOf('/', base);
        if (slash >= 0 && slash < credentialsEnd) {
            secrets.add(new Span(slash + 1, credentialsEnd));
        }
        int target = credentialsEnd + 1;
        while (target < url.length() && Character.isWhitespace(url.charAt(target))) {
            target++;
        }
        int question = url.indexOf('?', target);
        if (target < url.length() && url.charAt(target) != '(' && question >= 0) {
            query(question + 1, url.length());
        }
    }

    private void generic() {
        Matcher m = GenericUrls.SERVER_SHAPE.matcher(url);
        if (!m.matches()) {
            return;
        }
        userInfo(m.start(1), url.lastIndexOf('@', m.end(1) - 1));
        if (m.start(3) >= 0) {
            if (url.charAt(m.start(3) - 1) == '?') {
                query(m.start(3), url.length());
            } else {
                pairs(m.start(3), url.length(), ';');
            }
        }
    }

    /** {@code user:password} from {@code start} to the '@' at {@code at}: the password runs from the first ':'. */
    private void userInfo(int start, int at) {
        if (at < start) {
            return;
        }
        credentialsEnd = at;
        int colon = url.indexOf(':', start);
        if (colon >= 0 && colon < at) {
            secrets.add(new Span(colon + 1, at));
        }
    }

    /** {@code a=b&c=d}: values run to the next '&', as {@link UrlText#queryParameters} reads them. */
    private void query(int start, int end) {
        int pairStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || url.charAt(i) == '&') {
                int eq = url.indexOf('=', pairStart);
                if (eq >= 0 && eq < i) {
                    value(UrlText.decodeQuery(url.substring(pairStart, eq)), eq + 1, i);
                }
                pairStart = i + 1;
            }
        }
    }

    /** {@code A=B<sep>C=D}, keys and values trimmed, as {@link UrlText#semicolonSettings} reads them. */
    private void pairs(int start, int end, char separator) {
        int pairStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || url.charAt(i) == separator) {
                pair(pairStart, i);
                pairStart = i + 1;
            }
        }
    }

    private void pair(int start, int end) {
        int eq = url.indexOf('=', start);
        if (eq < 0 || eq >= end) {
            return;
        }
        int valueStart = eq + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && Character.isWhitespace(url.charAt(valueStart))) {
            valueStart++;
        }
        while (valueEnd > valueStart && Character.isWhitespace(url.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        value(url.substring(start, eq).trim(), valueStart, valueEnd);
    }

    private void value(String key, int start, int end) {
        if (ControlCharacters.isSecretKey(key)) {
            secrets.add(new Span(start, end));
        } else if (key.toLowerCase(java.util.Locale.ROOT).contains("user")) {
            userValues.add(new Span(start, end));
        }
    }

    /**
     * True when every '@' of the URL is one the parser reads: the end of the credentials, or (unless
     * {@code strict}) inside a secret or a user name value. A URL its parser cannot read is judged strictly: a
     * password holding '?' or '/' moves the rest of it into the query or the path.
     */
    boolean explainsEveryAt(boolean strict) {
        for (int i = url.indexOf('@'); i >= 0; i = url.indexOf('@', i + 1)) {
            if (i != credentialsEnd && (strict || !inside(userValues, i) && !inside(secrets, i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code index} lies inside a secret that a delimiter closes before the URL's end ('@', '&', ';', ')') and whose
     * text is not {@value Secrets#MASK} already.
     */
    boolean insideClosedSecret(int index) {
        for (Span span : secrets) {
            if (index >= span.start() && index < span.end() && span.end() < url.length()
                    && !url.startsWith(Secrets.MASK, span.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<Span> spans, int index) {
        for (Span span : spans) {
            if (index >= span.start() && index < span.end()) {
                return true;
            }
        }
        return false;
    }
}
