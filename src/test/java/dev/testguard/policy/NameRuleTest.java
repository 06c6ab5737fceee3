package dev.testguard.policy;

import static dev.testguard.policy.Urls.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import dev.testguard.policy.Decision.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRuleTest {

    private final NameRule rule = new NameRule(Urls.settings(Path.of("/p")));

    private Decision judge(String db) {
        return rule.evaluate(target(Urls.pg("localhost", 5432, db)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders_test", "ordersTest", "test", "TEST", "app_test2", "device_test", "tests_orders",
        "integration-testing", "HTTPServerTest", "test_db"})
    void testNamesPass(String db) {
        assertThat(judge(db).outcome()).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "contest", "latest", "testimony", "orders_db"})
    void namesWithoutTestTokenFail(String db) {
        Decision decision = judge(db);
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("'" + db + "'").contains("holds no test token");
        assertThat(decision.fix()).contains("_test").contains("testguard:stamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders_prod_test", "test_dev", "devTest", "staging_test", "uat_tests", "main_test",
        "ordersLiveTest", "PROD_TEST"})
    void forbiddenTokensFailEvenWithTestToken(String db) {
        Decision decision = judge(db);
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("forbidden token");
    }

    @Test
    void reasonNamesTheTokensAndFixSuggestsAName() {
        Decision decision = judge("orders_prod_test");
        assertThat(decision.reason()).contains("'prod'").contains("orders, prod, test");
        assertThat(decision.fix()).contains("'orders_test'");
        assertThat(judge("ordersProd").fix()).contains("'orders_test'");
        assertThat(judge("prod").fix()).contains("'app_test'");
    }

    @Test
    void substringsOfForbiddenTokensDoNotCount() {
        assertThat(judge("devtools_test").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge("product_test").outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void urlWithoutDatabaseFails() {
        Decision decision = rule.evaluate(target(Urls.pg("localhost", 5432, null)));
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("names no database").contains("driver would use its default");
        assertThat(decision.fix()).contains("jdbc:postgresql://localhost:5432/app_test");
        assertThat(rule.evaluate(target(Urls.pg("localhost", 5432, ""))).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void fileDatabasesAreJudgedByTheirFileName() {
        assertThat(rule.evaluate(target(Urls.h2File("~/data/orders_test"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.sqlite("/data/prod/orders_test.db"))).outcome())
                .isEqualTo(Outcome.PASS);
        Decision decision = rule.evaluate(target(Urls.sqlite("/data/test/orders.db")));
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("'orders'");
    }

    @Test
    void h2ServerPathNamesAreJudgedByTheLastSegment() {
        JdbcUrl h2tcp = new JdbcUrl("jdbc:h2:tcp://localhost/~/orders_test", Vendor.H2, Storage.SERVER,
                List.of(new dev.testguard.jdbc.HostPort("localhost", null)), false, "~/orders_test", null, Map.of(),
                null, null);
        assertThat(rule.evaluate(target(h2tcp)).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void tokensAreConfigurableAndCaseInsensitive() {
        NameRule custom = new NameRule(Urls.settings(Path.of("/p")).withTokens(Set.of("QA"), Set.of("Prod")));
        assertThat(custom.evaluate(target(Urls.pg("localhost", 5432, "orders_qa"))).outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(custom.evaluate(target(Urls.pg("localhost", 5432, "orders_test"))).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(custom.evaluate(target(Urls.pg("localhost", 5432, "qa_PROD"))).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void neverShowsThePassword() {
        Decision decision = rule.evaluate(target(Urls.pgWithPassword("localhost", "orders", "hunter2")));
        assertThat(decision.reason() + decision.fix()).doesNotContain("hunter2");
    }
}
