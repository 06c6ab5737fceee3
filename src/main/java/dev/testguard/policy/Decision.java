package dev.testguard.policy;

/**
 * What one rule says about one target.
 *
 * @param outcome what the rule decided
 * @param reason  why, in one sentence a user understands (never a password); null for {@link Outcome#PASS}
 * @param fix     the concrete next step for the user; null when there is nothing to do
 */
public record Decision(Outcome outcome, String reason, String fix) {

    public enum Outcome {
        /** The rule has nothing against the target (or does not apply): go on with the next rule. */
        PASS,
        /** The target breaks the rule: PROTECTED unless an override names this exact database. */
        FAIL,
        /** The decision is final: TEST (a {@code test} stamp). */
        FORCE_TEST,
        /** The decision is final and no override lifts it: PROTECTED (a {@code protected} stamp). */
        FORCE_PROTECTED,
        /** The decision is final: EPHEMERAL. */
        EPHEMERAL
    }

    private static final Decision PASS = new Decision(Outcome.PASS, null, null);

    public static Decision pass() {
        return PASS;
    }

    public static Decision fail(String reason, String fix) {
        return new Decision(Outcome.FAIL, reason, fix);
    }
}
