package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Randomized robustness (fixed seed, so failures reproduce): thousands of mutated valid URLs. Only
 * {@link JdbcUrlException} may escape, and no message or masked URL may show a password the input still carries.
 */
class MutatedUrlsTest {

    private static final String SECRET = "Zq7Pw";
    private static final List<String> SEEDS = List.of(
            "jdbc:postgresql://h:5433/db?user=u&password=Zq7Pw&sslmode=require",
            "jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary",
            "jdbc:postgresql://[::1]:5432/db",
            "jdbc:postgresql:db?password=Zq7Pw",
            "jdbc:postgresql://localhost/db?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
                    + "&socketFactoryArg=/var/run/postgresql/.s.PGSQL.5432",
            "jdbc:mysql://u:Zq7Pw@h:3306/db",
            "jdbc:mysql:loadbalance://u:Zq7Pw@h1,h2:3307/db",
            "jdbc:mysql://address=(host=h)(port=3306)(user=u)(password=Zq7Pw),address=(host=h2)/db",
            "jdbc:mysql://(host=h,port=3306,user=u,password=Zq7Pw)/db",
            "jdbc:mysql://[::1]:3306/db?localSocket=/run/mysqld/mysqld.sock",
            "jdbc:mariadb:sequential://h1,h2/db?user=u&password=Zq7Pw",
            "jdbc:h2:/abs/db;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=Zq7Pw",
            "jdbc:h2:tcp://localhost:9092/~/test;PASSWORD=Zq7Pw",
            "jdbc:h2:mem:x",
            "jdbc:h2:split:28:zip:~/db.zip!/test",
            "jdbc:hsqldb:hsql://h:9001/db;user=sa;password=Zq7Pw",
            "jdbc:hsqldb:file:path/db;shutdown=true",
            "jdbc:derby://h:1527/db;user=u;password=Zq7Pw",
            "jdbc:derby:memory:db;create=true",
            "jdbc:sqlite:file:app.db?mode=ro",
            "jdbc:sqlite::memory:",
            "jdbc:sqlserver://h\\inst:1433;databaseName=db;user=u;password=Zq7Pw",
            "jdbc:sqlserver://;serverName=h;databaseName=db;password={Zq7Pw}",
            "jdbc:jtds:sqlserver://h:1433/db;password=Zq7Pw",
            "jdbc:oracle:thin:u/Zq7Pw@//h:1521/service",
            "jdbc:oracle:thin:u/Zq7Pw@h:1521:SID",
            "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST=h1)(PORT=1521))"
                    + "(ADDRESS=(PROTOCOL=TCP)(HOST=h2)(PORT=1521)))(CONNECT_DATA=(SERVICE_NAME=orcl)))",
            "jdbc:tc:mysql:8.0://h/db?TC_INITSCRIPT=x&password=Zq7Pw",
            "jdbc:db2://u:Zq7Pw@h:50000/db");
    private static final String ALPHABET = ":/@;?&=()[],%\\.{}\"' #~+-_aZ09";
    /** The input still carries the secret as a credential: {@code :S@}, {@code user/S@} or {@code password=S}. */
    private static final Pattern CARRIES_SECRET = Pattern.compile(
            "(?::|\\w/)" + SECRET + "@|(?i)(?:^|[?&;,(\\s])password\\s*=\\s*\\{?" + SECRET + "(?:[}&;,)\\s]|$)");

    @Test
    void onlyJdbcUrlExceptionEscapesAndNoPasswordLeaks() {
        Random random = new Random(20240611L);
        List<String> problems = new ArrayList<>();
        int thrown = 0;
        for (int i = 0; i < 8000; i++) {
            String input = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                JdbcUrl url = JdbcUrlParser.parse(input);
                String password = url.password();
                if (password != null && password.length() >= 4 && once(password, input) && url.masked().contains(password)) {
                    problems.add("masked() shows the password of " + input + ": " + url.masked());
                }
                if (CARRIES_SECRET.matcher(input).find() && shows(url.masked(), input)) {
                    problems.add("masked() shows " + SECRET + " of " + input + ": " + url.masked());
                }
            } catch (JdbcUrlException e) {
                thrown++;
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    problems.add("empty message for " + input);
                } else if (CARRIES_SECRET.matcher(input).find() && shows(e.getMessage(), input)) {
                    problems.add("message shows the password of " + input + ": " + e.getMessage());
                }
            } catch (Throwable t) {
                problems.add(t + " escaped for " + input);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(thrown).as("the mutations reach the error paths").isBetween(400, 7600);
    }

    /** Whether {@code output} shows the secret of an input that holds it once. */
    private static boolean shows(String output, String input) {
        return once(SECRET, input) && output.contains(SECRET);
    }

    /** A secret that occurs twice (a mutation copied it) may sit in a host or path, where no masking can know it. */
    private static boolean once(String secret, String input) {
        return input.indexOf(secret) == input.lastIndexOf(secret);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        int operations = 1 + random.nextInt(3);
        for (int op = 0; op < operations && s.length() > 0; op++) {
            int at = random.nextInt(s.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(6)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, c);
                case 2 -> s.setCharAt(at, c);
                case 3 -> s.setLength(at);
                case 4 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(8))));
                default -> {
                    if (at + 1 < s.length()) {
                        char next = s.charAt(at + 1);
                        s.setCharAt(at + 1, s.charAt(at));
                        s.setCharAt(at, next);
                    }
                }
            }
        }
        return s.toString();
    }
}
