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

    @Test
    void petclinicProfilesReplacedByServiceConnectionAreEphemeralAndAnUnreplacedOneNamesItsTestClass() {
        ProjectTree tree = new ProjectTree(dir).dependencies("org.springframework.boot:spring-boot-starter-test");
        tree.mainResource("application.properties", "database=h2\n");
        tree.mainResource("application-mysql.properties", "spring.datasource.url=jdbc:mysql://localhost/petclinic\n");
        tree.mainResource("application-postgres.properties", "spring.datasource.url=jdbc:postgresql://localhost/petclinic\n");
        tree.file("src/test/java/p/MySqlIntegrationTests.java", """
                @SpringBootTest @ActiveProfiles("mysql")
                class MySqlIntegrationTests {
                    @ServiceConnection @Container static MySQLContainer<?> container = new MySQLContainer<>("mysql:9.2");
                    @Test void t() { }
                }
                """);
        tree.file("src/test/java/p/PostgresTests.java", """
                @SpringBootTest
                @ActiveProfiles("postgres")
                class PostgresTests { @Test void t() { } }
                """);
        Report report = verify(tree.layout(), build(Map.of(), Map.of()), execution(TestPluginExecution.SUREFIRE, "default-test"));
        ReportEntry mysql = report.entries().stream().filter(e -> e.url().startsWith("jdbc:mysql")).findFirst().orElseThrow();
        assertThat(mysql.classification()).isEqualTo(Classification.EPHEMERAL);
        assertThat(mysql.reason()).contains("@ServiceConnection field container (MySqlIntegrationTests.java:3)");
        assertThat(mysql.testClasses()).containsExactly("MySqlIntegrationTests (src/test/java/p/MySqlIntegrationTests.java:2)");
        ReportEntry postgres = report.entries(Classification.PROTECTED).get(0);
        assertThat(postgres.source()).isEqualTo("src/main/resources/application-postgres.properties:1");
        assertThat(postgres.activation()).isEqualTo("profile postgres from @ActiveProfiles on PostgresTests"
                + " (src/test/java/p/PostgresTests.java:2)");
        assertThat(dev.testguard.report.FailureMessage.of(report, "target/testguard/report.json"))
                .contains("for test class PostgresTests (src/test/java/p/PostgresTests.java:3) (profile postgres from"
                        + " @ActiveProfiles on PostgresTests");
    }
}
