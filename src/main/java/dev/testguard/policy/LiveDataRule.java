package dev.testguard.policy;

import dev.testguard.probe.LiveFacts;

/** An unstamped reachable database holding more than {@code maxRows} rows holds real data. */
public final class LiveDataRule implements LiveRule {

    public static final String ID = "live-data";

    private final PolicySettings settings;

    public LiveDataRule(PolicySettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Decision evaluate(Target target) {
        LiveFacts live = target.live();
        if (live.stamp() != null || !live.reachable() || live.estimatedRows() == null
                || live.estimatedRows() <= settings.maxRows()) {
            return Decision.pass();
        }
        return Decision.fail("The database holds about " + TestReason.grouped(live.estimatedRows())
                + " rows, more than maxRows (" + TestReason.grouped(settings.maxRows())
                + "): real data seems to live there.",
                "Point the tests at an empty test database; if it really is a test database: mvn testguard:stamp "
                        + "-Dtestguard.url=" + target.url().masked() + " -Dtestguard.role=test");
    }
}
