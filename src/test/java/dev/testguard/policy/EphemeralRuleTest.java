package dev.testguard.policy;

import static dev.testguard.policy.Urls.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.Decision.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EphemeralRuleTest {

    private final Path base = Path.of("/work/project");
    private final EphemeralRule rule = new EphemeralRule(Urls.settings(base));

    @Test
    void memoryAndContainersAreEphemeral() {
        assertThat(rule.evaluate(target(Urls.h2Mem("orders"))).outcome()).isEqualTo(Outcome.EPHEMERAL);
        assertThat(rule.evaluate(target(Urls.h2Mem("orders"))).reason()).contains("in-memory");
        assertThat(rule.evaluate(target(Urls.testcontainers("orders"))).outcome()).isEqualTo(Outcome.EPHEMERAL);
        assertThat(rule.evaluate(target(Urls.testcontainers("orders"))).reason()).contains("Testcontainers");
    }

    @Test
    void serverDatabasesAreNotEphemeral() {
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, "orders_test"))).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void relativeFileUnderTargetIsEphemeral() {
        Decision decision = rule.evaluate(target(Urls.h2File("./target/db/orders")));
        assertThat(decision.outcome()).isEqualTo(Outcome.EPHEMERAL);
        assertThat(decision.reason()).contains("build directory").contains("/work/project/target/db/orders");
        assertThat(rule.evaluate(target(Urls.sqlite("target/orders.db"))).outcome()).isEqualTo(Outcome.EPHEMERAL);
    }

    @Test
    void absoluteFileUnderTargetAndTmpIsEphemeral() {
        assertThat(rule.evaluate(target(Urls.h2File("/work/project/target/orders"))).outcome())
                .isEqualTo(Outcome.EPHEMERAL);
        Decision tmp = rule.evaluate(target(Urls.sqlite("/tmp/junit123/orders.db")));
        assertThat(tmp.outcome()).isEqualTo(Outcome.EPHEMERAL);
        assertThat(tmp.reason()).contains("temp directory");
    }

    @Test
    void homeRelativeFileResolvesAgainstUserHome() {
        assertThat(rule.evaluate(target(Urls.h2File("~/orders"))).outcome()).isEqualTo(Outcome.PASS);
        EphemeralRule homeInTmp = new EphemeralRule(Urls.settings(base)
                .withDirectories(base, base.resolve("target"), Path.of("/tmp"), Path.of("/tmp/home")));
        assertThat(homeInTmp.evaluate(target(Urls.h2File("~/orders"))).outcome()).isEqualTo(Outcome.EPHEMERAL);
    }

    @Test
    void escapingTheBuildDirectoryIsNotEphemeral() {
        assertThat(rule.evaluate(target(Urls.h2File("./target/../data/orders"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.h2File("./data/orders"))).outcome()).isEqualTo(Outcome.PASS);
        // a sibling whose name merely starts with "target" is not inside it
        assertThat(rule.evaluate(target(Urls.h2File("./target-old/orders"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.sqlite("/tmpdata/orders.db"))).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void projectCheckedOutUnderTmpKeepsItsDataFilesProtected() {
        Path tmpProject = Path.of("/tmp/build-42/project");
        EphemeralRule inTmp = new EphemeralRule(Urls.settings(tmpProject));
        assertThat(inTmp.evaluate(target(Urls.h2File("./data/orders"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(inTmp.evaluate(target(Urls.h2File("./target/orders"))).outcome()).isEqualTo(Outcome.EPHEMERAL);
        assertThat(inTmp.evaluate(target(Urls.h2File("/tmp/junit1/orders"))).outcome()).isEqualTo(Outcome.EPHEMERAL);
    }

    @Test
    void fileWithoutKnownDirectoriesIsNotEphemeral() {
        EphemeralRule bare = new EphemeralRule(Urls.settings(base).withDirectories(base, null, null, null));
        assertThat(bare.evaluate(target(Urls.h2File("./target/orders"))).outcome()).isEqualTo(Outcome.PASS);
    }
}
