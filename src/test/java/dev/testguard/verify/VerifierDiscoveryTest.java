package dev.testguard.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.ConfigFileSources;
import dev.testguard.discovery.MavenConfigFile;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.discovery.RuntimeUrlSource;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.TestClassifiers;
import dev.testguard.probe.LiveProbe;
import dev.testguard.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierDiscoveryTest {

    @TempDir
    Path dir;

    private Report verify(ProjectLayout layout, BuildProperties build, List<String> allow) {
        List<UrlSource> sources = new ArrayList<>(ConfigFileSources.all());
        sources.add(new RuntimeUrlSource());
        PolicySettings settings = PolicySettings.defaults(dir, dir.resolve("target"), false).withAllowDatabases(allow);
        Classifier classifier = TestClassifiers.standard(settings, LiveProbe.OFFLINE, null);
        TestPluginExecution surefire = new TestPluginExecution(TestPluginExecution.SUREFIRE, "default-test", "pom.xml",
                Map.of(), null, List.of(), List.of(), null, List.of(), List.of(), true, null);
        return new Verifier(sources, classifier, true).verify(new VerifyRequest("g:a", "process-test-resources",
                layout, build, List.of(surefire), List.of()));
    }

    @Test
    void quarkusUrlFromMavenConfigIsReportedThereWithTheQuarkusWay() throws Exception {
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve(".mvn/maven.config"), "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost/inventory\n");
        Map<String, String> user = Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost/inventory");
        ProjectLayout layout = new ProjectTree(dir).mainResource("application.properties", "quarkus.datasource.db-kind=postgresql\n")
                .layout();
        Report report = verify(layout, new BuildProperties(user, Map.of(), Map.of(), Map.of(),
                MavenConfigFile.origins(dir, user)), List.of());
        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo(Classification.PROTECTED);
            assertThat(e.source()).isEqualTo(".mvn/maven.config:1");
            assertThat(e.fix()).contains("in .mvn/maven.config").contains("%test.quarkus.datasource.jdbc.url")
                    .contains("Dev Services").doesNotContain("src/test/resources/application.properties (it hides");
        });
    }

    @Test
    void reportNamesTheExactDatabaseAnOverrideLifted() {
        ProjectLayout layout = new ProjectTree(dir).testResource("application.properties",
                "spring.datasource.url=jdbc:postgresql://localhost/petclinic\n").layout();
        Report report = verify(layout, new BuildProperties(Map.of(), Map.of(), Map.of(), Map.of()), List.of("localhost/petclinic"));
        assertThat(report.entries()).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo(Classification.TEST);
            assertThat(e.lifted()).containsExactly("postgresql localhost:5432/petclinic (allowed by localhost/petclinic)");
        });
    }
}
