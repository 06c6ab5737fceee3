package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Secrets;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.StampRule;
import dev.testguard.policy.Verdict;
import java.sql.SQLException;

/** The exception a refused connection throws: SQLState 28000, the masked URL, the rule, the reason and the fixes. */
public final class Refusals {

    /** SQLState class 28: invalid authorization specification. */
    public static final String SQL_STATE = "28000";
    static final String TURN_OFF = "To turn the runtime guard off (not recommended): -Dtestguard.runtime=false.";

    private Refusals() {
    }

    public static String message(String maskedUrl, Verdict verdict, String overrideEntry) {
        StringBuilder sb = new StringBuilder("testguard refused a connection to ").append(maskedUrl)
                .append(": it is not a test database. Rule '").append(verdict.ruleId()).append("': ")
                .append(verdict.reason());
        if (verdict.fix() != null) {
            sb.append(" Fix: ").append(verdict.fix());
        }
        boolean liftable = !StampRule.ID.equals(verdict.ruleId()) && !Classifier.AMBIGUOUS.equals(verdict.ruleId());
        if (liftable && overrideEntry != null) {
            sb.append(" To allow this one database anyway: -Dtestguard.allow=").append(overrideEntry).append('.');
        }
        sb.append(' ').append(TURN_OFF);
        return Secrets.maskUrl(sb.toString());
    }

    /** Whether {@code e} is a refusal of the guard itself (which passes on as it is). */
    public static boolean isRefusal(Throwable e) {
        return e instanceof SQLException && SQL_STATE.equals(((SQLException) e).getSQLState())
                && String.valueOf(e.getMessage()).startsWith("testguard refused");
    }

    public static SQLException refusal(String message) {
        return new SQLException(message, SQL_STATE);
    }

    /** An internal error of the guard refuses the connection too. */
    public static String internalError(String maskedUrl, Throwable e) {
        return "testguard refused a connection to " + maskedUrl + ": the runtime guard failed to judge it ("
                + e.getClass().getName() + ") and never lets a connection through unchecked. If the guard is wrong, "
                + turnOffAndReport();
    }

    /** How to turn the guard off, as the end of a sentence about a guard that may be wrong. */
    static String turnOffAndReport() {
        return TURN_OFF.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + TURN_OFF.substring(1)
                + " and report the problem.";
    }
}
