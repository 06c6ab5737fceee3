package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Secrets;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveFacts;
import java.sql.SQLException;

/**
 * A live check (stamp, row count) that could not run over a connection the static rules let through: the guard
 * never lets it through unchecked, so the connection is refused and the refusal recorded as an error of the guard,
 * which fails the build. One message for JDBC connections and R2DBC connection factories.
 */
final class LiveCheckFailures {

    private final ConnectionLog log;

    LiveCheckFailures(ConnectionLog log) {
        this.log = log;
    }

    /** Why the live rules could not decide a verdict the static rules call safe; null when they did. */
    static String why(Verdict verdict) {
        LiveFacts live = verdict.live();
        if (!verdict.isSafe() || live == null || live.status() == LiveFacts.Status.REACHABLE
                || live.status() == LiveFacts.Status.NOT_CHECKED) {
            return null;
        }
        return live.message() != null ? live.message() : live.status().name();
    }

    /**
     * @param what     "a connection to" or "an R2DBC connection factory for"
     * @param over     what the check ran over ("over it", "over R2DBC")
     * @param password kept out of the message
     */
    SQLException refusal(Decision decision, String what, String over, String why, String password) {
        String cause = password == null || password.isEmpty() ? why : Secrets.maskText(why, password);
        String message = Secrets.maskUrl("testguard refused " + what + " " + decision.maskedUrl()
                + ": the runtime guard could not run its live checks (stamp, row count) " + over + " (" + cause
                + "), and it never lets a connection through unchecked. If the database is up and the guard is wrong, "
                + "judge by the static rules only with -Dtestguard.offline=true, or " + Refusals.turnOffAndReport());
        log.error(decision.maskedUrl(), message);
        return new SQLException(message, Refusals.SQL_STATE);
    }
}
