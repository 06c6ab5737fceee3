package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Secrets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A driver's own exception about a URL it could not read (MariaDB Connector/J's {@code MariaDbDataSource.setUrl}:
 * "Wrong mariaDB url: ...", "Incorrect port value : pw@"), its message masked: every secret of that URL (what
 * {@link Secrets#maskUrl} hides) and every URL in it. For an advice on the code that throws it; nothing opened.
 */
public final class DriverExceptions {

    private DriverExceptions() {
    }

    /**
     * @return {@code thrown} itself when its message shows no secret; else an {@link SQLException} of the same
     *         SQLState and vendor code, and the same stack, whose message is masked (the cause, which may repeat it,
     *         is left out)
     */
    public static SQLException masked(String url, SQLException thrown) {
        String message = thrown.getMessage();
        String masked = message == null ? null : Secrets.maskText(message, secretsOf(url));
        if (masked == null || masked.equals(message)) {
            return thrown;
        }
        SQLException copy = new SQLException(masked, thrown.getSQLState(), thrown.getErrorCode());
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** The parts of {@code url} its masked form replaces with {@value Secrets#MASK}. */
    static String[] secretsOf(String url) {
        if (url == null) {
            return new String[0];
        }
        String masked = Secrets.maskUrl(url);
        String pattern = Pattern.compile(Pattern.quote(Secrets.MASK)).splitAsStream(masked + " ")
                .map(Pattern::quote).collect(Collectors.joining("(.+?)"));
        Matcher m = Pattern.compile(pattern, Pattern.DOTALL).matcher(url + " ");
        List<String> secrets = new ArrayList<>();
        if (m.matches()) {
            for (int i = 1; i <= m.groupCount(); i++) {
                secrets.add(m.group(i));
            }
        }
        return secrets.toArray(new String[0]);
    }
}
