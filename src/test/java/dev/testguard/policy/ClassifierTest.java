package dev.testguard.policy;

import static dev.testguard.policy.Urls.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.LiveProbe;
import dev.testguard.probe.ServerIdentity;
import dev.testguard.probe.Stamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private final PolicySettings settings = Urls.settings(Path.of("/p"));
    private final List<JdbcUrl> probed = new ArrayList<>();

    private LiveProbe answering(LiveFacts facts) {
        return (url, credentials) -> {
            probed.add(url);
            return facts;
        };
    }

    private Verdict classify(PolicySettings s, LiveFacts facts, JdbcUrl url) {
        return TestClassifiers.standard(s, answering(facts), null).classify(source(url.raw()), url);
    }

    private Verdict classify(LiveFacts facts, JdbcUrl url) {
        return classify(settings, facts, url);
    }

    @Test
    void ephemeralUrlsAreNeverProbed() {
        Verdict verdict = classify(Urls.stamped(Stamp.Role.PROTECTED, 1L), Urls.h2Mem("orders_prod"));
        assertThat(verdict.classification()).isEqualTo(Classification.EPHEMERAL);
        assertThat(verdict.ruleId()).isEqualTo("ephemeral");
        assertThat(verdict.live().status()).isEqualTo(LiveFacts.Status.NOT_CHECKED);
        assertThat(classify(LiveFacts.notChecked(), Urls.h2File("target/it/orders")).classification())
                .isEqualTo(Classification.EPHEMERAL);
        assertThat(probed).isEmpty();
    }

    @Test
    void passingEveryRuleIsTestWithAShortReason() {
        Verdict verdict = classify(Urls.reachable(12L), Urls.pg("localhost", 5432, "orders_test"));
        assertThat(verdict.classification()).isEqualTo(Classification.TEST);
        assertThat(verdict.ruleId()).isNull();
        assertThat(verdict.reason()).contains("holds 'test'").contains("localhost is local").contains("12 rows");
        assertThat(verdict.fix()).isNull();
        assertThat(verdict.overridden()).isEmpty();
        assertThat(probed).hasSize(1);
    }

    @Test
    void unreachableDatabaseIsJudgedStaticallyAndSaysSo() {
        Verdict verdict = classify(new LiveFacts(LiveFacts.Status.UNREACHABLE, null, null, null,
                "connection refused", 2000), Urls.pg("localhost", 5432, "orders_test"));
        assertThat(verdict.classification()).isEqualTo(Classification.TEST);
        assertThat(verdict.reason()).contains("connection refused").contains("static rules alone");
    }

    @Test
    void protectedStampBeatsATestNameAndEveryOverride() {
        PolicySettings allowing = settings.withAllowDatabases(List.of("localhost:5432/orders_test"));
        Verdict verdict = classify(allowing, Urls.stamped(Stamp.Role.PROTECTED, 1L),
                Urls.pg("localhost", 5432, "orders_test"));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo("stamp");
        assertThat(verdict.overridden()).isEmpty();
    }

    @Test
    void testStampBeatsNameHostAndSize() {
        Verdict verdict = classify(Urls.stamped(Stamp.Role.TEST, 5_000_000L), Urls.pg("db.example.com", 5432, "orders"));
        assertThat(verdict.classification()).isEqualTo(Classification.TEST);
        assertThat(verdict.ruleId()).isEqualTo("stamp");
    }

    @Test
    void firstFailingRuleDecides() {
        Verdict verdict = classify(Urls.reachable(50_000L), Urls.pg("db.example.com", 5432, "orders"));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo("name");
        assertThat(verdict.reason()).contains("'orders'");
        assertThat(verdict.fix()).isNotBlank();

        Verdict host = classify(Urls.reachable(50_000L), Urls.pg("db.example.com", 5432, "orders_test"));
        assertThat(host.ruleId()).isEqualTo("host");
        Verdict size = classify(Urls.reachable(50_000L), Urls.pg("localhost", 5432, "orders_test"));
        assertThat(size.ruleId()).isEqualTo("live-data");
    }

    @Test
    void overrideLiftsEveryFailOfThatExactDatabaseAndIsRecorded() {
        PolicySettings allowing = settings.withAllowDatabases(List.of("db.example.com/orders"));
        Verdict verdict = classify(allowing, Urls.reachable(50_000L), Urls.pg("db.example.com", 5432, "orders"));
        assertThat(verdict.classification()).isEqualTo(Classification.TEST);
        assertThat(verdict.overridden()).containsExactly("name (allowed by db.example.com/orders)",
                "host (allowed by db.example.com/orders)", "live-data (allowed by db.example.com/orders)");
        assertThat(verdict.reason()).contains("override");
    }

    @Test
    void overrideDoesNotLiftAnotherDatabaseOnTheSameHost() {
        PolicySettings allowing = settings.withAllowDatabases(List.of("db.example.com/orders"));
        Verdict verdict = classify(allowing, Urls.reachable(1L), Urls.pg("db.example.com", 5432, "billing"));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo("name");
        assertThat(verdict.overridden()).isEmpty();
    }

    @Test
    void mainDatasourceIsProtectedEvenWithATestName() {
        MainDatasource main = new MainDatasource(Urls.pg("localhost", 5432, "orders_test"), null);
        Verdict verdict = TestClassifiers.standard(settings, answering(Urls.reachable(3L)), main)
                .classify(source("x"), Urls.pg("127.0.0.1", null, "orders_test"));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo("main-datasource");
    }

    @Test
    void mainDatasourceMatchedByServerIdentity() {
        ServerIdentity id = new ServerIdentity("sys-42:5432", "orders_test");
        MainDatasource main = new MainDatasource(Urls.pg("laptop.lan", 5432, "orders_test"),
                Urls.reachable(3L, id));
        Verdict verdict = TestClassifiers.standard(settings, answering(Urls.reachable(3L, id)), main)
                .classify(source("x"), Urls.pg("localhost", 5432, "orders_test"));
        assertThat(verdict.ruleId()).isEqualTo("main-datasource");
    }

    @Test
    void unresolvedPlaceholderIsReportedNotProbed() {
        DiscoveredUrl unresolved = DiscoveredUrl.of("spring.datasource.url",
                "jdbc:postgresql://${DB_HOST}:5432/orders_test?password=${DB_PASSWORD:hunter2}",
                Provenance.commandLine("db.url"), null);
        Verdict verdict = TestClassifiers.standard(settings, answering(Urls.reachable(1L)), null).classify(unresolved);
        assertThat(verdict.classification()).isEqualTo(Classification.UNRESOLVED);
        assertThat(verdict.ruleId()).isEqualTo("placeholder");
        assertThat(verdict.reason()).contains("${DB_HOST}").doesNotContain("hunter2");
        assertThat(verdict.fix()).contains("DB_HOST");
        assertThat(verdict.url()).isNull();
        assertThat(probed).isEmpty();
    }

    @Test
    void probeGetsTheDiscoveredCredentials() {
        List<Credentials> seen = new ArrayList<>();
        Classifier classifier = TestClassifiers.standard(settings, (url, credentials) -> {
            seen.add(credentials);
            return LiveFacts.notChecked();
        }, null);
        classifier.classify(source("x").withCredentials(new Credentials("app", "pw")),
                Urls.pg("localhost", 5432, "orders_test"));
        assertThat(seen).containsExactly(new Credentials("app", "pw"));
    }

    @Test
    void aThrowingProbeLeavesTheStaticRulesInChargeWithoutLeakingThePassword() {
        Classifier classifier = TestClassifiers.standard(settings, (url, credentials) -> {
            throw new IllegalStateException("login failed for password pw-999");
        }, null);
        Verdict verdict = classifier.classify(source("x").withCredentials(new Credentials("app", "pw-999")),
                Urls.pg("localhost", 5432, "orders_test"));
        assertThat(verdict.classification()).isEqualTo(Classification.TEST);
        assertThat(verdict.live().status()).isEqualTo(LiveFacts.Status.ERROR);
        assertThat(verdict.live().message()).doesNotContain("pw-999");
        assertThat(verdict.reason()).doesNotContain("pw-999");
    }

    @Test
    void customRuleListRunsInTheGivenOrder() {
        Rule alwaysFails = new Rule() {
            @Override
            public String id() {
                return "custom";
            }

            @Override
            public Decision evaluate(Target target) {
                return Decision.fail("Custom says no.", "Do something.");
            }
        };
        Classifier classifier = new Classifier(settings, List.of(alwaysFails, new StampRule()),
                answering(Urls.stamped(Stamp.Role.TEST, 1L)));
        Verdict verdict = classifier.classify(source("x"), Urls.pg("localhost", 5432, "orders_test"));
        assertThat(verdict.ruleId()).isEqualTo("custom");
        assertThat(verdict.reason()).isEqualTo("Custom says no.");
        assertThat(probed).as("no live rule was reached, so nothing was probed").isEmpty();
    }

    @Test
    void theApplicationsDatasourceIsLookedUpOnlyWhenAUrlReachesItsRuleAndOnlyOnce() {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        Classifier classifier = Classifier.standardFindingMain(Urls.settings(java.nio.file.Path.of("/p")),
                LiveProbe.OFFLINE, () -> {
                    lookups.incrementAndGet();
                    return null;
                });
        classifier.classify(source("jdbc:h2:mem:a"), Urls.h2Mem("a"));
        assertThat(lookups).as("an in-memory database never needs it").hasValue(0);
        classifier.classify(source("jdbc:postgresql://localhost/a_test"), Urls.pg("localhost", 5432, "a_test"));
        classifier.classify(source("jdbc:postgresql://localhost/b_test"), Urls.pg("localhost", 5432, "b_test"));
        assertThat(lookups).hasValue(1);
    }
}
