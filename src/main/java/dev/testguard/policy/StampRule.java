package dev.testguard.policy;

import dev.testguard.probe.Stamp;

/** The identity stamp inside the database settles it: {@code protected} for good, {@code test} as TEST. */
public final class StampRule implements LiveRule {

    public static final String ID = "stamp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Decision evaluate(Target target) {
        Stamp stamp = target.live().stamp();
        if (stamp == null || stamp.role() == null) {
            return Decision.pass();
        }
        String who = describe(stamp);
        if (stamp.role() == Stamp.Role.PROTECTED) {
            return new Decision(Decision.Outcome.FORCE_PROTECTED,
                    "The database is stamped 'protected'" + who + ": tests must never touch it, and no override "
                            + "(allowDatabases, -Dtestguard.allow) lifts that.",
                    "Point the tests at a test database. Only if the stamp itself is wrong, re-stamp the database: "
                            + "mvn testguard:stamp -Dtestguard.url=" + target.url().masked()
                            + " -Dtestguard.role=test");
        }
        return new Decision(Decision.Outcome.FORCE_TEST, "The database is stamped 'test'" + who + ".", null);
    }

    private static String describe(Stamp stamp) {
        StringBuilder sb = new StringBuilder();
        if (stamp.stampedBy() != null) {
            sb.append(" by ").append(stamp.stampedBy());
        }
        if (stamp.stampedAt() != null) {
            sb.append(" on ").append(stamp.stampedAt());
        }
        if (stamp.project() != null) {
            sb.append(" for ").append(stamp.project());
        }
        return sb.length() == 0 ? "" : " (" + sb.substring(1) + ")";
    }
}
