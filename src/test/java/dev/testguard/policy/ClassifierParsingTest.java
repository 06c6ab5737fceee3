package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.LiveProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Classifier on real URL text, through {@link dev.testguard.jdbc.JdbcUrlParser}: a parser regression fails here.
 */
class ClassifierParsingTest {


    private final List<String> probed = new ArrayList<>();
    private final LiveProbe probe = (url, credentials) -> {
        probed.add(url.masked());
        return LiveFacts.notChecked();
    };
    private final Classifier classifier = TestClassifiers.standard(Urls.settings(Path.of("/work/app")), probe, null);

    private static DiscoveredUrl source(String url) {
        return DiscoveredUrl.of("spring.datasource.url", url, Provenance.commandLine("spring.datasource.url"), null);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:h2:mem:orders_prod                                          | EPHEMERAL | ephemeral
            jdbc:h2:./target/db/orders                                       | EPHEMERAL | ephemeral
            jdbc:h2:/tmp/junit42/orders                                      | EPHEMERAL | ephemeral
            jdbc:sqlite::memory:                                             | EPHEMERAL | ephemeral
            jdbc:sqlite:target/it.db                                         | EPHEMERAL | ephemeral
            jdbc:derby:memory:orders;create=true                             | EPHEMERAL | ephemeral
            jdbc:hsqldb:mem:orders                                           | EPHEMERAL | ephemeral
            jdbc:tc:postgresql:15:///orders                                  | EPHEMERAL | ephemeral
            jdbc:postgresql://localhost:5432/orders_test                     | TEST      |
            jdbc:postgresql://127.0.0.2/ordersTest                           | TEST      |
            jdbc:postgresql://[::1]:5432/orders_test                         | TEST      |
            jdbc:mysql://localhost:3306/shop_test?useSSL=false               | TEST      |
            jdbc:mariadb://127.0.0.1/shop_tests                              | TEST      |
            jdbc:h2:~/data/orders_test                                       | TEST      |
            jdbc:sqlserver://localhost:1433;databaseName=crm_test            | TEST      |
            jdbc:postgresql://localhost:5432/orders                          | PROTECTED | name
            jdbc:postgresql://localhost:5432/contest                         | PROTECTED | name
            jdbc:postgresql://localhost:5432/orders_prod_test                | PROTECTED | name
            jdbc:postgresql://localhost:5432/                                | PROTECTED | name
            jdbc:postgresql://db.example.com:5432/orders_test                | PROTECTED | host
            jdbc:mysql://10.0.0.5:3306/shop_test                             | PROTECTED | host
            jdbc:h2:./data/orders                                            | PROTECTED | name
            """)
    void classifies(String url, Classification expected, String ruleId) {
        Verdict verdict = classifier.classify(source(url));
        assertThat(verdict.classification()).as(verdict.reason()).isEqualTo(expected);
        assertThat(verdict.ruleId()).isEqualTo(ruleId);
        if (expected == Classification.EPHEMERAL) {
            assertThat(probed).isEmpty();
        }
    }

    @Test
    void unparsableUrlIsProtectedWithTheParsersMessage() {
        Verdict verdict = classifier.classify(source("jdbc:postgresql://localhost:notaport/orders_test?password=pw77"));
        assertThat(verdict.classification()).isEqualTo(Classification.PROTECTED);
        assertThat(verdict.ruleId()).isEqualTo("url");
        assertThat(verdict.reason()).isNotBlank().doesNotContain("pw77");
        assertThat(verdict.fix()).isEqualTo("Correct the URL.");
        assertThat(probed).isEmpty();
    }

    @Test
    void passwordsNeverReachTheVerdict() {
        Verdict verdict = classifier.classify(source("jdbc:postgresql://db.example.com/orders?user=app&password=pw88"));
        assertThat(verdict.reason() + verdict.fix() + verdict.url().masked()).doesNotContain("pw88");
    }
}
