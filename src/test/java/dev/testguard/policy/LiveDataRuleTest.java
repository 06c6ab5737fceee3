package dev.testguard.policy;

import static dev.testguard.policy.Urls.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.Decision.Outcome;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.Stamp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LiveDataRuleTest {

    private final LiveDataRule rule = new LiveDataRule(Urls.settings(Path.of("/p")));

    @Test
    void bigUnstampedDatabaseFails() {
        Decision decision = rule.evaluate(target(Urls.pgWithPassword("localhost", "orders_test", "pw123"),
                Urls.reachable(52_300L)));
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("52,300").contains("10,000");
        assertThat(decision.fix()).contains("if it really is a test database: mvn testguard:stamp -Dtestguard.url="
                + "jdbc:postgresql://localhost/orders_test?user=app&password=****"
                + " -Dtestguard.role=test");
        assertThat(decision.fix()).doesNotContain("pw123");
    }

    @Test
    void atTheLimitPasses() {
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"), Urls.reachable(10_000L))).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"), Urls.reachable(10_001L))).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void stampedUnreachableOrUnknownPasses() {
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"),
                Urls.stamped(Stamp.Role.TEST, 1_000_000L))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"), LiveFacts.notChecked())).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"),
                new LiveFacts(LiveFacts.Status.UNREACHABLE, null, 1_000_000L, null, "refused", 3))).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"), Urls.reachable(null))).outcome())
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void maxRowsIsConfigurable() {
        LiveDataRule strict = new LiveDataRule(Urls.settings(Path.of("/p")).withMaxRows(10));
        assertThat(strict.evaluate(target(Urls.pg("localhost", 5432, "orders_test"), Urls.reachable(11L))).outcome())
                .isEqualTo(Outcome.FAIL);
    }
}
