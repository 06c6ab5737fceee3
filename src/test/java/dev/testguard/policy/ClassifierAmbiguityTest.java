package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import dev.testguard.probe.LiveProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The policy judges the database the driver opens: an ambiguous URL is PROTECTED, and no override lifts that. */
class ClassifierAmbiguityTest {

    private final PolicySettings settings = PolicySettings.defaults(Path.of("."), Path.of("target"), false)
            .withAllowDatabases(List.of("127.0.0.1:5432/x_test", "127.0.0.1:5432/shop_dev"));
    private final Classifier classifier = TestClassifiers.standard(settings, LiveProbe.OFFLINE, null);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGDBNAME=shop_dev",
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGHOST=db.example.com",
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGPORT=6432",
            "jdbc:postgresql://127.0.0.1:5432/shopx%00_test",
            "jdbc:mysql://127.0.0.1:3306/x_test?dbname=shop_dev",
            "jdbc:mariadb://127.0.0.1:3306/x_test?database=shop_dev",
    })
    void ambiguousIsProtectedEvenWhenAllowed(String url) {
        Verdict verdict = classifier.classify(source(url));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo(Classifier.AMBIGUOUS);
        assertThat(verdict.reason()).contains("does not name one database");
        assertThat(verdict.overridden()).isEmpty();
    }

    @Test
    void theRulesJudgeTheParameterNotThePath() {
        Classifier plain = TestClassifiers.standard(PolicySettings.defaults(Path.of("."), Path.of("target"), false),
                LiveProbe.OFFLINE, null);
        Verdict verdict = plain.classify(source("jdbc:postgresql://127.0.0.1:5432/?PGDBNAME=shop_dev"),
                Map.of("user", "app"));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo(NameRule.ID);
        assertThat(verdict.url().databaseName()).isEqualTo("shop_dev");
    }

    @Test
    void connectionPropertiesOfTheRuntimeGuardCount() {
        Verdict verdict = classifier.classify(source("jdbc:postgresql://127.0.0.1:5432/x_test"),
                Map.of("PGDBNAME", "shop_dev"));
        assertThat(verdict.ruleId()).isEqualTo(Classifier.AMBIGUOUS);
    }

    @Test
    void credentialsAreTheConnectionsUser() {
        DiscoveredUrl source = source("jdbc:mysql://127.0.0.1:3306/x_test").withCredentials(new Credentials("app", "pw"));
        assertThat(classifier.classify(source).url().user()).isEqualTo("app");
    }

    private static DiscoveredUrl source(String url) {
        return DiscoveredUrl.of("spring.datasource.url", url, Provenance.commandLine("spring.datasource.url"), null);
    }
}
