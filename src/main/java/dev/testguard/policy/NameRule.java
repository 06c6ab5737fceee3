package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import java.util.ArrayList;
import java.util.List;

/** The database name must hold a test token and no forbidden token, as whole tokens. */
public final class NameRule implements Rule {

    public static final String ID = "name";

    private final PolicySettings settings;

    public NameRule(PolicySettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Decision evaluate(Target target) {
        JdbcUrl url = target.url();
        String name = DatabaseNames.of(url);
        if (name == null) {
            return Decision.fail("The URL names no database: the driver would use its default (often the user's "
                            + "own database), which cannot be checked as a test database.",
                    "Name the test database in the URL explicitly, for example " + example(url) + ".");
        }
        List<String> tokens = NameTokenizer.tokens(name);
        List<String> forbidden = matching(tokens, settings.forbiddenTokens());
        List<String> test = matching(tokens, settings.testTokens());
        String suggestion = suggestName(tokens, settings);
        if (!forbidden.isEmpty()) {
            return Decision.fail("The database name '" + name + "' holds the forbidden " + plural("token", forbidden)
                            + " " + quoted(forbidden) + " (it splits into " + String.join(", ", tokens)
                            + "): that is how real environments are named.",
                    "Point the tests at a database made for them, for example '" + suggestion
                            + "' (create it if needed).");
        }
        if (test.isEmpty()) {
            return Decision.fail("The database name '" + name + "' holds no test token: its tokens are "
                            + String.join(", ", tokens) + ", and a test database name must hold one of "
                            + String.join(", ", settings.testTokens())
                            + " as a whole token ('contest' does not count).",
                    "Point the tests at a database whose name says it is for tests, for example '" + suggestion
                            + "'. If '" + name + "' really is a test database, stamp it: mvn testguard:stamp "
                            + "-Dtestguard.url=" + url.masked() + " -Dtestguard.role=test");
        }
        return Decision.pass();
    }

    /** The test tokens the name holds, for the TEST verdict's reason; empty when the name is no test name. */
    List<String> testTokensIn(JdbcUrl url) {
        String name = DatabaseNames.of(url);
        return name == null ? List.of() : matching(NameTokenizer.tokens(name), settings.testTokens());
    }

    /** The name's own words, without forbidden and test tokens, plus {@code _test}: orders_prod → orders_test. */
    static String suggestName(List<String> tokens, PolicySettings settings) {
        List<String> kept = new ArrayList<>();
        for (String token : tokens) {
            if (!settings.forbiddenTokens().contains(token) && !settings.testTokens().contains(token)) {
                kept.add(token);
            }
        }
        return (kept.isEmpty() ? "app" : String.join("_", kept)) + "_test";
    }

    private static List<String> matching(List<String> tokens, java.util.Set<String> wanted) {
        List<String> found = new ArrayList<>();
        for (String token : tokens) {
            if (wanted.contains(token) && !found.contains(token)) {
                found.add(token);
            }
        }
        return found;
    }

    private static String quoted(List<String> tokens) {
        List<String> out = new ArrayList<>();
        tokens.forEach(t -> out.add("'" + t + "'"));
        return String.join(", ", out);
    }

    private static String plural(String word, List<?> items) {
        return items.size() == 1 ? word : word + "s";
    }

    private static String example(JdbcUrl url) {
        return switch (url.vendor()) {
            case POSTGRESQL -> "jdbc:postgresql://localhost:5432/app_test";
            case MYSQL -> "jdbc:mysql://localhost:3306/app_test";
            case MARIADB -> "jdbc:mariadb://localhost:3306/app_test";
            case SQLSERVER -> "jdbc:sqlserver://localhost:1433;databaseName=app_test";
            case ORACLE -> "jdbc:oracle:thin:@//localhost:1521/app_test";
            case H2 -> "jdbc:h2:./target/app_test";
            case SQLITE -> "jdbc:sqlite:target/app_test.db";
            default -> "a database named app_test";
        };
    }
}
