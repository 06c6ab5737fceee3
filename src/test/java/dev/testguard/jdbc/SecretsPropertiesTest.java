package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every URL form the parser knows, with passwords holding spaces, slashes, '@', '%', ';', '&', ':', '?', '#',
 * quotes and unicode: the masked URL never shows the password nor any 3+ character piece of it that the rest of
 * the URL does not hold, and a URL that writes its password correctly still shows host, port and database.
 */
class SecretsPropertiesTest {

    private static final String HOST = "dbhost.example";
    private static final String PORT = "5433";
    private static final String DATABASE = "shop_test";
    private static final String SLOT = "{pw}";

    /** A URL form: its template and how a correct URL writes a password there. */
    enum Form {
        POSTGRES_QUERY("jdbc:postgresql://dbhost.example:5433/shop_test?user=app&password={pw}&sslmode=require",
                Form::queryEncoded, "&"),
        POSTGRES_QUERY_LIGHT("jdbc:postgresql://dbhost.example:5433/shop_test?password={pw}",
                pw -> pw.replace("%", "%25").replace("&", "%26").replace("+", "%2B"), "&"),
        POSTGRES_SSLPASSWORD("jdbc:postgresql://dbhost.example:5433/shop_test?sslpassword={pw}&user=app",
                Form::queryEncoded, "&"),
        POSTGRES_USERINFO("jdbc:postgresql://app:{pw}@dbhost.example:5433/shop_test", Form::userInfoEncoded),
        MYSQL_USERINFO("jdbc:mysql://app:{pw}@dbhost.example:5433/shop_test?useSSL=false", Form::userInfoEncoded),
        MARIADB_USERINFO("jdbc:mariadb://app:{pw}@dbhost.example:5433/shop_test", Form::userInfoEncoded),
        MYSQL_QUERY("jdbc:mysql://dbhost.example:5433/shop_test?user=app&password={pw}", Form::queryEncoded, "&"),
        MYSQL_ADDRESS("jdbc:mysql://address=(host=dbhost.example)(port=5433)(user=app)(password={pw})/shop_test",
                pw -> without(pw, "()"), "()"),
        MYSQL_HOST_SPEC("jdbc:mysql://(host=dbhost.example,port=5433,user=app,password={pw})/shop_test",
                pw -> without(pw, "(),"), "(),"),
        SQLSERVER("jdbc:sqlserver://dbhost.example:5433;databaseName=shop_test;user=app;password={pw};encrypt=true",
                pw -> pw.indexOf(';') >= 0 ? "{" + pw + "}" : pw, ";"),
        ORACLE_QUOTED("jdbc:oracle:thin:app/{pw}@//dbhost.example:5433/shop_test",
                pw -> "\"" + without(pw, "\"") + "\""),
        H2_SERVER("jdbc:h2:tcp://dbhost.example:5433/~/shop_test;USER=app;PASSWORD={pw}", pw -> without(pw, ";"), ";"),
        DERBY_SERVER("jdbc:derby://dbhost.example:5433/shop_test;user=app;password={pw};create=true",
                pw -> without(pw, ";"), ";"),
        GENERIC_USERINFO("jdbc:vertica://app:{pw}@dbhost.example:5433/shop_test", Form::userInfoEncoded),
        R2DBC_POSTGRES("r2dbc:postgresql://app:{pw}@dbhost.example:5433/shop_test", Form::userInfoEncoded),
        R2DBC_POOL_MYSQL("r2dbc:pool:mysql://app:{pw}@dbhost.example:5433/shop_test?initialSize=1",
                Form::userInfoEncoded),
        URL_STYLE("postgres://app:{pw}@dbhost.example:5433/shop_test", Form::userInfoEncoded);

        final String template;
        final UnaryOperator<String> writer;
        /** Characters that end a value in this form, for the driver too: no password written raw holds them. */
        final String endsValue;

        Form(String template, UnaryOperator<String> writer) {
            this(template, writer, "");
        }

        Form(String template, UnaryOperator<String> writer, String endsValue) {
            this.template = template;
            this.writer = writer;
            this.endsValue = endsValue;
        }

        String url(String written) {
            return template.replace(SLOT, written);
        }

        /** The URL without its password: a piece found here is no leak. */
        String rest() {
            return template.replace(SLOT, "");
        }

        private static String queryEncoded(String pw) {
            return URLEncoder.encode(pw, StandardCharsets.UTF_8);
        }

        private static String userInfoEncoded(String pw) {
            return URLEncoder.encode(pw, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private static String without(String pw, String forbidden) {
            StringBuilder sb = new StringBuilder();
            pw.codePoints().filter(c -> forbidden.indexOf(c) < 0).forEach(sb::appendCodePoint);
            return sb.isEmpty() ? "x" : sb.toString();
        }
    }

    @Provide
    Arbitrary<String> passwords() {
        List<String> tokens = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
            tokens.add(String.valueOf(Character.toUpperCase(c)));
        }
        for (char c = '0'; c <= '9'; c++) {
            tokens.add(String.valueOf(c));
        }
        for (String special : List.of(" ", "/", "@", "%", ";", "&", ":", "?", "#", "'", "\"", "=", "+", ",", "(", ")",
                "\\", "!", "é", "ß", "Ω", "漢", "😀")) {
            tokens.add(special);
            tokens.add(special); // specials twice as often: they are what breaks masking
        }
        return Arbitraries.of(tokens).list().ofMinSize(1).ofMaxSize(14).map(l -> String.join("", l));
    }

    @Property(tries = 1500)
    void aCorrectlyWrittenPasswordIsHiddenAndTheTargetStaysVisible(@ForAll Form form,
            @ForAll("passwords") String password) {
        String written = form.writer.apply(password);
        String url = form.url(written);
        String masked = Secrets.maskUrl(url);

        assertNoPieceOf(password, masked, form);
        assertNoPieceOf(written, masked, form);
        assertThat(masked).as(url).contains(HOST, PORT, DATABASE);
        assertThat(Secrets.maskUrl(masked)).as("masking twice changes nothing").isEqualTo(masked);
    }

    @Property(tries = 1500)
    void aPasswordWrittenRawIsHiddenEvenWhereItBreaksTheUrl(@ForAll Form form, @ForAll("passwords") String raw) {
        String password = Form.without(raw, form.endsValue);
        String url = form.url(password);
        String masked = Secrets.maskUrl(url);

        assertNoPieceOf(password, masked, form);
    }

    @Property(tries = 600)
    void aParserErrorNeverQuotesThePassword(@ForAll Form form, @ForAll("passwords") String raw) {
        String password = Form.without(raw, form.endsValue);
        String url = form.url(password);
        if (url.startsWith("jdbc:")) {
            String message;
            try {
                JdbcUrlParser.parse(url);
                return;
            } catch (JdbcUrlException e) {
                message = e.getMessage();
            }
            // 4+ characters: the explanation's own words would match random 3-character pieces
            assertNoPieceOf(password, message, form, 4);
        }
    }

    private static void assertNoPieceOf(String password, String shown, Form form) {
        assertNoPieceOf(password, shown, form, 3);
    }

    private static void assertNoPieceOf(String password, String shown, Form form, int length) {
        String rest = form.rest();
        for (String piece : pieces(password, length)) {
            if (!rest.contains(piece)) {
                assertThat(shown).as("'%s' (form %s) shows the piece '%s' of its password", shown, form, piece)
                        .doesNotContain(piece);
            }
        }
    }

    /** Every substring of {@code length} code points or more. */
    private static List<String> pieces(String s, int length) {
        int[] cps = s.codePoints().toArray();
        List<String> out = new ArrayList<>();
        Function<int[], String> text = a -> new String(a, 0, a.length);
        for (int start = 0; start < cps.length; start++) {
            for (int end = start + length; end <= cps.length; end++) {
                out.add(text.apply(java.util.Arrays.copyOfRange(cps, start, end)));
            }
        }
        return out;
    }
}
