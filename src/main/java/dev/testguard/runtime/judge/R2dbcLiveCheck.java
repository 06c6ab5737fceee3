package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Secrets;
import dev.testguard.jdbc.Vendor;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The live rules (stamp, live data) for an R2DBC connection factory when no JDBC driver can reach its database: one
 * R2DBC connection of the factory itself, opened before the tests get the factory, the same probe queries run over
 * it ({@link R2dbcJdbc}), and closed. Fail closed: when the check cannot run, the factory is refused.
 */
final class R2dbcLiveCheck {

    /** Connection and queries together; the first R2DBC connection of a JVM loads the driver's network stack. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ConnectionJudge judge;
    private final ConnectionLog log;

    R2dbcLiveCheck(ConnectionJudge judge, ConnectionLog log) {
        this.judge = judge;
        this.log = log;
    }

    /**
     * @param factory  the factory the tests will get; null: none at hand, so the check cannot run
     * @param password the factory's password, kept out of every message
     * @throws SQLException the check could not run (recorded as an error of the guard, which fails the build)
     */
    Verdict liveVerdict(Decision decision, R2dbcFactory factory, String password) throws SQLException {
        if (factory == null) {
            throw cannotCheck(decision, "no JDBC driver on the test class path reaches it, and no connection factory"
                    + " was at hand", null);
        }
        Connection connection;
        try {
            R2dbcSession session = R2dbcSession.open(factory.factory(), factory.spiLoader(), TIMEOUT);
            connection = R2dbcJdbc.connection(session, usesDollarPlaceholders(decision.url().vendor()));
        } catch (SQLException | RuntimeException | LinkageError e) {
            throw cannotCheck(decision, "cannot open an R2DBC connection of the factory: " + e.getMessage(), password);
        }
        try {
            Verdict verdict = judge.classifyLive(decision, connection);
            LiveFacts.Status status = verdict.live().status();
            if (verdict.isSafe() && status != LiveFacts.Status.REACHABLE && status != LiveFacts.Status.NOT_CHECKED) {
                throw cannotCheck(decision, verdict.live().message(), password);
            }
            return judge.remember(decision, verdict);
        } finally {
            ConnectionJudge.closeQuietly(connection);
        }
    }

    private static boolean usesDollarPlaceholders(Vendor vendor) {
        return vendor == Vendor.POSTGRESQL || vendor == Vendor.H2;
    }

    private SQLException cannotCheck(Decision decision, String why, String password) {
        String cause = password == null || password.isEmpty() ? why : Secrets.maskText(why, password);
        String message = "testguard refused an R2DBC connection factory for " + decision.maskedUrl()
                + ": the runtime guard could not run its live checks (stamp, row count) over R2DBC (" + cause
                + "), and it never lets a connection through unchecked. If the database is up and the guard is wrong, "
                + Refusals.turnOffAndReport();
        log.error(decision.maskedUrl(), message);
        return new SQLException(message, Refusals.SQL_STATE);
    }
}
