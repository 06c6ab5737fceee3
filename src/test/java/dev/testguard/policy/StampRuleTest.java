package dev.testguard.policy;

import static dev.testguard.policy.Urls.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.Decision.Outcome;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.Stamp;
import org.junit.jupiter.api.Test;

class StampRuleTest {

    private final StampRule rule = new StampRule();

    @Test
    void protectedStampForcesProtected() {
        Decision decision = rule.evaluate(target(Urls.pgWithPassword("localhost", "orders_test", "s3cret"),
                Urls.stamped(Stamp.Role.PROTECTED, 3L)));
        assertThat(decision.outcome()).isEqualTo(Outcome.FORCE_PROTECTED);
        assertThat(decision.reason()).contains("stamped 'protected'").contains("alice@laptop")
                .contains("no override");
        assertThat(decision.fix()).contains("testguard:stamp").doesNotContain("s3cret");
    }

    @Test
    void testStampForcesTest() {
        Decision decision = rule.evaluate(target(Urls.pg("db.example.com", 5432, "orders"),
                Urls.stamped(Stamp.Role.TEST, 1_000_000L)));
        assertThat(decision.outcome()).isEqualTo(Outcome.FORCE_TEST);
        assertThat(decision.reason()).contains("stamped 'test'");
    }

    @Test
    void unstampedOrUncheckedPasses() {
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders"), Urls.reachable(5L))).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders"), LiveFacts.notChecked())).outcome())
                .isEqualTo(Outcome.PASS);
    }
}
