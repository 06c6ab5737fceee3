package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.probe.LiveProbe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverrideConflictsTest {

    private final PolicySettings base = Urls.settings(Path.of("/p"));

    private Classifier classifier(String... entries) {
        return TestClassifiers.standard(base.withAllowDatabases(List.of(entries)), LiveProbe.OFFLINE, null);
    }

    private static List<Verdict> settled(Classifier classifier, List<DiscoveredUrl> urls) {
        return OverrideConflicts.settle(classifier, urls, urls.stream().map(classifier::classify).toList());
    }

    @Test
    void portlessEntryMeetingTwoVendorsLiftsNeither() {
        List<DiscoveredUrl> urls = List.of(Urls.source("jdbc:mysql://localhost:3306/petclinic"),
                Urls.source("jdbc:postgresql://localhost/petclinic"));
        List<Verdict> verdicts = settled(classifier("localhost/petclinic"), urls);
        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.classification()).isEqualTo(Classification.PROTECTED);
            assertThat(v.ruleId()).isEqualTo("name");
            assertThat(v.reason()).startsWith("The allowDatabases entry 'localhost/petclinic' names no port, and this build has 2 "
                    + "databases it could mean (mysql localhost:3306/petclinic, postgresql localhost:5432/petclinic)");
            assertThat(v.fix()).startsWith("Write the port of the one database you mean");
            assertThat(v.lifts()).isEmpty();
        });
    }

    @Test
    void portlessEntryMeetingOneDatabaseLiftsItAndNamesIt() {
        List<DiscoveredUrl> urls = List.of(Urls.source("jdbc:mysql://localhost:3306/petclinic"),
                Urls.source("jdbc:postgresql://localhost/shop_test"));
        List<Verdict> verdicts = settled(classifier("localhost/petclinic"), urls);
        assertThat(verdicts.get(0).classification()).isEqualTo(Classification.TEST);
        assertThat(verdicts.get(0).lifts()).containsExactly(
                new Overrides.Lift("localhost/petclinic", "mysql localhost:3306/petclinic", true));
    }

    @Test
    void entriesWithPortOrProductNameOneDatabase() {
        List<DiscoveredUrl> urls = List.of(Urls.source("jdbc:mysql://localhost:3306/petclinic"),
                Urls.source("jdbc:postgresql://localhost/petclinic"));
        List<Verdict> byPort = settled(classifier("localhost:5432/petclinic"), urls);
        assertThat(byPort).extracting(Verdict::classification).containsExactly(Classification.PROTECTED, Classification.TEST);
        assertThat(byPort.get(1).lifts()).extracting(Overrides.Lift::database)
                .containsExactly("postgresql localhost:5432/petclinic");
        List<Verdict> byProduct = settled(classifier("mysql://localhost/petclinic"), urls);
        assertThat(byProduct).extracting(Verdict::classification).containsExactly(Classification.TEST, Classification.PROTECTED);
    }

    @Test
    void productEntriesParse() {
        Overrides o = Overrides.from(base.withAllowDatabases(List.of("postgresql://localhost/shop", "mariadb://db1:3307/x")));
        assertThat(o.match(Urls.pg("localhost", 5432, "shop"))).contains("postgresql://localhost/shop");
        assertThat(o.match(Urls.mysql("localhost", 3306, "shop"))).isEmpty();
        assertThat(o.match(Urls.mysql("db1", 3307, "x"))).contains("mariadb://db1:3307/x");
        assertThat(o.lift(Urls.pg("localhost", null, "shop")).orElseThrow().portless()).isFalse();
        assertThatThrownBy(() -> Overrides.from(base.withAllowDatabases(List.of("cockroach://h/db"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cockroach");
    }
}
