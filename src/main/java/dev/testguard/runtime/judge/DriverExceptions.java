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

    /**
     * As {@link #masked(String, SQLException)} for anything {@code setUrl} or a data source's constructor may throw,
     * over the whole cause chain: {@code thrown} itself when neither it nor any cause shows a secret; else a copy
     * (an SQLException as above, a runtime exception of the same class when it has a constructor taking the
     * message, else an {@link IllegalArgumentException}) whose message is masked, without the cause.
     */
    public static Throwable masked(String url, Throwable thrown) {
        String[] secrets = secretsOf(url);
        if (!shows(thrown, secrets)) {
            return thrown;
        }
        String masked = thrown.getMessage() == null ? null : Secrets.maskText(thrown.getMessage(), secrets);
        Throwable copy;
        if (thrown instanceof SQLException sql) {
            copy = new SQLException(masked, sql.getSQLState(), sql.getErrorCode());
        } else if (thrown instanceof RuntimeException) {
            copy = sameClass(thrown, masked);
        } else {
            copy = new IllegalStateException(masked); // an Error showing a secret: never thrown by the drivers
        }
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Whether {@code thrown} or a cause shows a secret in its message. */
    private static boolean shows(Throwable thrown, String[] secrets) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth++ < 100; t = t.getCause()) { // bounded: a cycle is possible
            String message = t.getMessage();
            if (message != null && !message.equals(Secrets.maskText(message, secrets))) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException sameClass(Throwable thrown, String message) {
        try {
            return (RuntimeException) thrown.getClass().getConstructor(String.class).newInstance(message);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new IllegalArgumentException(message);
        }
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
