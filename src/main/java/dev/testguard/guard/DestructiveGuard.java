package dev.testguard.guard;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import dev.testguard.probe.DatabaseFacts;
import dev.testguard.probe.Stamp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last word before a destructive goal ({@code reset}, {@code restore}, {@code release}, {@code provision},
 * {@code stamp}) empties, drops or overwrites a database. It reads the stamp and the estimated rows over the
 * connection that does the work, right before acting, whatever {@code offline}, a timed-out live check or an
 * {@code allow} override decided earlier:
 * <ul>
 *   <li>stamped {@code test}: may go ahead;</li>
 *   <li>stamped {@code protected}, or holding more than {@code maxRows} rows, or approved only by an override:
 *       refused unless {@code -Dtestguard.confirm=<database>} names it.</li>
 * </ul>
 * Refusals name the database, the rule and the exact command to run instead (URL quoted).
 */
public final class DestructiveGuard {

    public static final String RULE = "destructive-guard";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String goal;
    private final long maxRows;
    private final String confirm;

    /**
     * @param goal    the goal's name as typed after {@code testguard:}, e.g. {@code reset}
     * @param maxRows above this many estimated rows an unstamped database holds real data
     * @param confirm the value of {@code -Dtestguard.confirm}, or null
     */
    public DestructiveGuard(String goal, long maxRows, String confirm) {
        this.goal = goal;
        this.maxRows = maxRows;
        this.confirm = confirm == null || confirm.isBlank() ? null : confirm.trim();
    }

    /** The guard of {@code goal} with the default {@code maxRows} ({@link dev.testguard.policy.PolicySettings#DEFAULT_MAX_ROWS}), unconfirmed. */
    public static DestructiveGuard withDefaults(String goal) {
        return new DestructiveGuard(goal, dev.testguard.policy.PolicySettings.DEFAULT_MAX_ROWS, null);
    }

    /** Opens a connection to {@code target} (which exists) and checks it; see {@link #check(DatabaseTarget, Connection, List)}. */
    public DatabaseFacts check(DatabaseTarget target, List<String> overrides) throws DestructiveRefusal {
        try (Connection c = Connections.open(target, TIMEOUT)) {
            return check(target, c, overrides);
        } catch (SQLException e) {
            throw unreadable(target, e);
        }
    }

    /**
     * Reads the stamp and rows of {@code target} over {@code connection} (attached to that very database) and refuses
     * unless the goal may act on it.
     *
     * @param overrides the override entries that approved it earlier (empty when none did)
     */
    public DatabaseFacts check(DatabaseTarget target, Connection connection, List<String> overrides) throws DestructiveRefusal {
        DatabaseFacts facts;
        try {
            facts = DatabaseFacts.read(target.url().vendor(), connection);
        } catch (SQLException e) {
            throw unreadable(target, e);
        }
        decide(target, facts, overrides);
        return facts;
    }

    /** The decision alone, on facts already read over the working connection. */
    public void decide(DatabaseTarget target, DatabaseFacts facts, List<String> overrides) throws DestructiveRefusal {
        Optional<String> why = refusalReason(target.databaseName(), facts, overrides);
        if (why.isPresent()) {
            throw refusal(target, why.get());
        }
    }

    /** Why the goal may not act on {@code database} with these facts, or empty when it may. */
    public Optional<String> refusalReason(String database, DatabaseFacts facts, List<String> overrides) {
        if (database != null && database.equals(confirm)) {
            return Optional.empty();
        }
        if (facts.stampedProtected()) {
            return Optional.of("it is stamped protected" + by(facts.stamp().get()));
        }
        if (facts.stampedTest()) {
            return Optional.empty();
        }
        if (facts.rows() != null && facts.rows() > maxRows) {
            return Optional.of("it is not stamped test and holds about " + String.format(Locale.ROOT, "%,d", facts.rows())
                    + " rows (more than maxRows=" + maxRows + "), which looks like real data");
        }
        if (overrides != null && !overrides.isEmpty()) {
            return Optional.of("it is not stamped test and passed only by an override (" + String.join(", ", overrides)
                    + "); overrides serve verify and the runtime guard, never a destructive goal");
        }
        return Optional.empty();
    }

    /** Whether this goal may stamp {@code test} afterwards: never on the strength of an override. */
    public static boolean mayStampTest(DatabaseFacts facts, List<String> overrides) {
        return facts.stampedTest() || overrides == null || overrides.isEmpty();
    }

    /** The command to paste to go ahead anyway, URL single-quoted for the shell. */
    public String confirmCommand(DatabaseTarget target) {
        return "mvn testguard:" + goal + " -Dtestguard.url=" + shellQuote(target.url().masked())
                + " -Dtestguard.confirm=" + shellQuote(target.databaseName());
    }

    static String shellQuote(String text) {
        String s = text == null ? "" : text;
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s.contains(":") || s.contains("=") ? "'" + s + "'" : s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    private DestructiveRefusal refusal(DatabaseTarget target, String why) {
        return new DestructiveRefusal("testguard:" + goal + " refuses to touch " + target.url().masked() + " (database "
                + target.databaseName() + ") by rule '" + RULE + "': " + why + ". Nothing was touched."
                + "\n    Fix: point the goal at a test database, or stamp this one (mvn testguard:stamp -Dtestguard.url="
                + shellQuote(target.url().masked()) + " -Dtestguard.role=test), or if you really mean to lose its data: "
                + confirmCommand(target));
    }

    private DestructiveRefusal unreadable(DatabaseTarget target, SQLException e) {
        return new DestructiveRefusal("testguard:" + goal + " refuses to touch " + target.url().masked() + " (database "
                + target.databaseName() + ") by rule '" + RULE + "': it could not read its stamp and size right before acting ("
                + Secrets.maskText(e.getMessage(), target.effectiveCredentials()) + "). Nothing was touched."
                + " Check that the server runs and the user may read the database, then run again.", e);
    }

    private static String by(Stamp stamp) {
        return stamp.stampedBy() == null ? "" : " (by " + stamp.stampedBy() + ")";
    }
}
