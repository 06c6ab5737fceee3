package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Vendor;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.StampStores;
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
    private final LiveCheckFailures failures;

    R2dbcLiveCheck(ConnectionJudge judge, LiveCheckFailures failures) {
        this.judge = judge;
        this.failures = failures;
    }

    /**
     * The verdict of a database for which the guard has no live rules (no stamp store: SQL Server, Oracle...): the
     * static rules alone, as over a JDBC connection, without opening anything; null when it has live rules.
     */
    Verdict withoutLiveRules(Decision decision) throws SQLException {
        if (StampStores.forVendor(decision.url().vendor()).isPresent()) {
            return null;
        }
        return judge.remember(decision, judge.classifyLive(decision, null));
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
            judge.failed(new ConnectionJudge.Pending(decision, null, false), e); // the static refusal, if any
            throw cannotCheck(decision, "cannot open an R2DBC connection of the factory: " + e.getMessage(), password);
        }
        try {
            Verdict verdict = judge.classifyLive(decision, connection);
            String why = LiveCheckFailures.why(verdict);
            if (why != null) {
                throw cannotCheck(decision, why, password);
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
        return failures.refusal(decision, "an R2DBC connection factory for", "over R2DBC", why, password);
    }
}
