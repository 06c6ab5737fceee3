package dev.testguard.verify;

import dev.testguard.policy.TestClassifiers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.ConfigFileSources;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.discovery.RuntimeUrlSource;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.LiveProbe;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify logic end to end on plain values: Surefire/Failsafe runs, every source, the rules, the report. */
class VerifierTest {

    @TempDir
    Path dir;

    private Report verify(ProjectLayout layout, BuildProperties build, TestPluginExecution... executions) {
        List<UrlSource> sources = new ArrayList<>(ConfigFileSources.all());
        sources.add(new RuntimeUrlSource());
        PolicySettings settings = PolicySettings.defaults(dir, dir.resolve("target"), false);
        Classifier classifier = TestClassifiers.standard(settings, LiveProbe.OFFLINE,
                new MainDatasourceLocator(sources).resolve(layout, LiveProbe.OFFLINE).orElse(null));
        return new Verifier(sources, classifier, true).verify(new VerifyRequest("g:a", "process-test-resources",
                layout, build, List.of(executions), List.of()));
    }

    private static TestPluginExecution execution(String plugin, String id, ConfiguredValue... variables) {
        return new TestPluginExecution(plugin, id, "pom.xml", Map.of(), null, List.of(variables), List.of(), null,
                List.of(), List.of(), true, null);
    }

    private static BuildProperties build(Map<String, String> user, Map<String, String> env) {
        return new BuildProperties(user, Map.of(), Map.of(), env);
    }

    @Test
    void theSameUrlSeenBySurefireAndFailsafeIsOneEntryNamingBothRuns() {
        ProjectLayout layout = new ProjectTree(dir)
                .mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/orders\n")
                .layout();
        Report report = verify(layout, build(Map.of(), Map.of()),
                execution(TestPluginExecution.SUREFIRE, "default-test"),
                execution(TestPluginExecution.FAILSAFE, "default"));

        assertThat(report.testRuns()).containsExactly("maven-surefire-plugin:default-test", "maven-failsafe-plugin:default");
        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo(Classification.PROTECTED);
            assertThat(e.testRuns()).containsExactly("maven-surefire-plugin:default-test", "maven-failsafe-plugin:default");
            assertThat(e.source()).isEqualTo("src/main/resources/application.properties:1");
            assertThat(e.fix()).contains("src/test/resources/application.properties");
        });
    }

    @Test
    void aConfigFileThatIsADirectoryOrAFifoIsAWarningInTheReportAndNothingBlocks() throws Exception {
        ProjectLayout layout = new ProjectTree(dir)
                .mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/orders\n")
                .layout();
        java.nio.file.Files.createDirectories(dir.resolve("src/test/resources/application.properties"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("src/test/resources/application.yml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Report report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> verify(layout, build(Map.of(), Map.of()), execution(TestPluginExecution.SUREFIRE, "default-test")));
        assertThat(report.warnings())
                .anySatisfy(w -> assertThat(w).contains("src/test/resources/application.properties: it is a directory"))
                .anySatisfy(w -> assertThat(w).contains("src/test/resources/application.yml: it is a FIFO (named pipe)"));
        assertThat(report.hasProtected()).isTrue();
    }

    @Test
    void aSafeTestOverrideShadowsTheMainConfigurationAndNothingIsProtected() {
        ProjectLayout layout = new ProjectTree(dir)
                .mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/orders\n")
                .testResource("application.properties", "spring.datasource.url=jdbc:h2:mem:orders_test\n")
                .layout();
        Report report = verify(layout, build(Map.of(), Map.of()), execution(TestPluginExecution.SUREFIRE, "default-test"));
        assertThat(report.hasProtected()).isFalse();
        assertThat(report.entries()).extracting(ReportEntry::classification).containsExactly(Classification.EPHEMERAL);
    }

    @Test
    void skippedRunsAreReportedAndNotChecked() {
        ProjectLayout layout = new ProjectTree(dir)
                .mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/orders\n")
                .layout();
        Report report = verify(layout, build(Map.of("skipTests", "true"), Map.of()),
                execution(TestPluginExecution.SUREFIRE, "default-test"));
        assertThat(report.testRuns()).isEmpty();
        assertThat(report.skippedRuns()).containsExactly("maven-surefire-plugin:default-test (skipTests=true)");
        assertThat(report.entries()).isEmpty();
    }

    @Test
    void aPasswordInAUrlNeverReachesTheReport() {
        Report report = verify(new ProjectTree(dir).layout(), build(Map.of(), Map.of()),
                execution(TestPluginExecution.SUREFIRE, "default-test",
                        new ConfiguredValue("db", "jdbc:mysql://app:Sup3rSecret@db.example.com/shop", 12)));
        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo(Classification.PROTECTED);
            assertThat(e.toString()).doesNotContain("Sup3rSecret");
        });
    }

    @Test
    void anUnresolvablePlaceholderIsUnresolvedNotProtected() {
        Report report = verify(new ProjectTree(dir).layout(), build(Map.of(), Map.of()),
                execution(TestPluginExecution.SUREFIRE, "default-test",
                        new ConfiguredValue("db", "jdbc:postgresql://${db.host}/app_test", 12)));
        assertThat(report.entries()).singleElement().extracting(ReportEntry::classification)
                .isEqualTo(Classification.UNRESOLVED);
        assertThat(report.hasProtected()).isFalse();
    }

    @Test
    void theApplicationsOwnDatabaseReachedThroughAnAliasIsProtectedEvenWithATestName() {
        ProjectLayout layout = new ProjectTree(dir)
                .mainResource("application.properties", "app.datasource.url=jdbc:postgresql://localhost:5432/shared_test\n")
                .layout();
        Report report = verify(layout, build(Map.of(), Map.of()), execution(TestPluginExecution.SUREFIRE, "default-test",
                new ConfiguredValue("it.db", "jdbc:postgresql://127.0.0.1/shared_test", 3)));
        assertThat(report.entries()).filteredOn(e -> e.key().equals("it.db")).singleElement()
                .satisfies(e -> assertThat(e.rule()).isEqualTo("main-datasource"));
    }
}
