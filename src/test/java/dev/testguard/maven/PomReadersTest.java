package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.BuildPlan;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.io.File;
import java.io.StringReader;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class PomReadersTest {

    private static Xpp3Dom dom(String xml) throws Exception {
        return Xpp3DomBuilder.build(new StringReader("<configuration>" + xml + "</configuration>"));
    }

    private static Plugin plugin(String groupId, String artifactId, Xpp3Dom config, PluginExecution... executions) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(groupId);
        plugin.setArtifactId(artifactId);
        plugin.setConfiguration(config);
        for (PluginExecution e : executions) {
            plugin.addExecution(e);
        }
        return plugin;
    }

    private static PluginExecution execution(String id, Xpp3Dom config, String... goals) {
        PluginExecution e = new PluginExecution();
        e.setId(id);
        e.setConfiguration(config);
        for (String g : goals) {
            e.addGoal(g);
        }
        return e;
    }

    private static MavenProject project(Plugin... plugins) {
        MavenProject project = new MavenProject();
        project.setFile(new File("/work/p/pom.xml"));
        for (Plugin p : plugins) {
            project.getBuild().addPlugin(p);
        }
        return project;
    }

    @Test
    void readsTestRunningExecutionsWithPluginLevelConfigurationMergedIn() throws Exception {
        Xpp3Dom pluginLevel = dom("<argLine>-Da=1</argLine><systemPropertyVariables><x>plugin</x><y>plugin</y></systemPropertyVariables>");
        Xpp3Dom executionLevel = dom("<systemPropertyVariables><x>execution</x></systemPropertyVariables>"
                + "<systemProperties><property><name>old</name><value>v</value></property></systemProperties>"
                + "<environmentVariables><DB_URL>postgres://h/db</DB_URL></environmentVariables>"
                + "<excludedEnvironmentVariables>SECRET,OTHER</excludedEnvironmentVariables>"
                + "<skipTests>${skip.unit}</skipTests><promoteUserPropertiesToSystemProperties>false</promoteUserPropertiesToSystemProperties>");
        Xpp3Dom before = new Xpp3Dom(executionLevel);
        MavenProject project = project(
                plugin("org.apache.maven.plugins", "maven-surefire-plugin", pluginLevel,
                        execution("default-test", executionLevel, "test"), execution("report-only", null, "report")),
                plugin("org.apache.maven.plugins", "maven-compiler-plugin", null, execution("default-compile", null, "compile")));

        List<TestPluginExecution> read = new TestPluginReader(project).read();

        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.runName()).isEqualTo("maven-surefire-plugin:default-test");
            assertThat(e.argLine().value()).isEqualTo("-Da=1");
            assertThat(e.systemPropertyVariables()).extracting(ConfiguredValue::name, ConfiguredValue::value)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("x", "execution"),
                            org.assertj.core.groups.Tuple.tuple("y", "plugin"));
            assertThat(e.systemProperties()).extracting(ConfiguredValue::name).containsExactly("old");
            assertThat(e.environmentVariables()).extracting(ConfiguredValue::value).containsExactly("postgres://h/db");
            assertThat(e.excludedEnvironmentVariables()).containsExactly("SECRET", "OTHER");
            assertThat(e.skipParameters()).containsEntry("skipTests", "${skip.unit}");
            assertThat(e.promoteUserProperties()).isFalse();
        });
        assertThat(executionLevel).as("the model is never changed").isEqualTo(before);
    }

    @Test
    void failsafeCountsOnlyForItsIntegrationTestGoal() throws Exception {
        MavenProject project = project(plugin("org.apache.maven.plugins", "maven-failsafe-plugin", null,
                execution("it", null, "integration-test", "verify"), execution("check", null, "verify")));
        assertThat(new TestPluginReader(project).read()).extracting(TestPluginExecution::runName)
                .containsExactly("maven-failsafe-plugin:it");
    }

    @Test
    void migrationPluginsCountOnlyWhenBoundToTheBuild() throws Exception {
        MavenProject project = project(
                plugin("org.flywaydb", "flyway-maven-plugin", dom("<url>jdbc:postgresql://localhost/app_dev</url>"),
                        execution("clean-db", dom("<url>jdbc:postgresql://localhost/app_dev</url><user>app</user>"
                                + "<password>pw</password>"), "clean", "migrate")),
                plugin("org.liquibase", "liquibase-maven-plugin", dom("<url>jdbc:postgresql://localhost/manual</url>")));

        List<DiscoveredUrl> urls = new MigrationPluginReader(project).read();

        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/app_dev");
            assertThat(u.testRun()).isNull();
            assertThat(u.provenance().location()).contains("flyway-maven-plugin (clean-db, goals clean,migrate) <url>");
            assertThat(u.credentials().username()).isEqualTo("app");
        });
    }

    @Test
    void readsOnlyTheExecutionsTheBuildPlanRuns() throws Exception {
        PluginExecution disabled = execution("default-test", dom("<argLine>-Durl=jdbc:postgresql://h/prod</argLine>"), "test");
        disabled.setPhase("none");
        PluginExecution unit = execution("unit", null, "test");
        PluginExecution it = execution("default", null, "integration-test", "verify");
        MavenProject project = project(
                plugin("org.apache.maven.plugins", "maven-surefire-plugin", null, disabled, unit),
                plugin("org.apache.maven.plugins", "maven-failsafe-plugin", null, it));

        assertThat(new TestPluginReader(project, BuildPlan.everything()).read())
                .extracting(TestPluginExecution::runName)
                .containsExactly("maven-surefire-plugin:unit", "maven-failsafe-plugin:default");
        assertThat(new TestPluginReader(project, BuildPlan.of(List.of("maven-surefire-plugin:unit",
                "maven-surefire-plugin:default-test", "maven-resources-plugin:default-resources"))).read())
                .extracting(TestPluginExecution::runName)
                .containsExactly("maven-surefire-plugin:unit");
    }

    @Test
    void migrationExecutionsOutsideTheBuildPlanAreNotRead() throws Exception {
        PluginExecution none = execution("wipe", dom("<url>jdbc:postgresql://localhost/app_dev</url>"), "clean");
        none.setPhase("none");
        PluginExecution late = execution("late", dom("<url>jdbc:postgresql://localhost/app_late</url>"), "update");
        MavenProject project = project(plugin("org.flywaydb", "flyway-maven-plugin", null, none),
                plugin("org.liquibase", "liquibase-maven-plugin", null, late));

        assertThat(new MigrationPluginReader(project, BuildPlan.of(List.of("flyway-maven-plugin:wipe"))).read()).isEmpty();
        assertThat(new MigrationPluginReader(project, BuildPlan.everything()).read())
                .extracting(DiscoveredUrl::url).containsExactly("jdbc:postgresql://localhost/app_late");
    }
}
