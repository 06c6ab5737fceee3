package dev.testguard.probe;

import dev.testguard.jdbc.Secrets;
import java.sql.SQLException;
import java.util.Locale;

/** Turns a driver's exception into a status and a sentence a person can act on. Never carries a password. */
final class ProbeFailures {

    private static final int MYSQL_ACCESS_DENIED = 1045;
    private static final int MYSQL_DB_ACCESS_DENIED = 1044;

    private ProbeFailures() {
    }

    static LiveFacts.Status status(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28") || e.getErrorCode() == MYSQL_ACCESS_DENIED || e.getErrorCode() == MYSQL_DB_ACCESS_DENIED) {
            return LiveFacts.Status.AUTH_FAILED;
        }
        if (state.startsWith("08")) {
            return LiveFacts.Status.UNREACHABLE;
        }
        return LiveFacts.Status.ERROR;
    }

    /** {@code where} names the server, e.g. {@code localhost:5432}. */
    static String message(SQLException e, String where, String user, String password) {
        String driver = firstLine(Secrets.maskText(e.getMessage(), password));
        switch (status(e)) {
            case AUTH_FAILED:
                return where + " refused the login" + (user == null ? "" : " of user '" + user + "'")
                        + ": check the user name and password (" + driver + ")";
            case UNREACHABLE:
                String lower = driver.toLowerCase(Locale.ROOT);
                if (lower.contains("refused")) {
                    return "could not connect to " + where + ": connection refused (is the server running on that port?)";
                }
                if (lower.contains("timed out") || lower.contains("timeout")) {
                    return "no answer from " + where + " within the connect timeout";
                }
                return "could not connect to " + where + " (" + driver + ")";
            default:
                return "connected to " + where + " but could not read it: " + driver;
        }
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no details from the driver";
        }
        String line = text.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
