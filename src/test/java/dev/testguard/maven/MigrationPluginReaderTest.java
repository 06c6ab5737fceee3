package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.BuildPlan;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.surefire.BuildProperties;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationPluginReaderTest {

    @TempDir
    Path dir;

    private MavenProject project(String artifactId, String executionId, String phase, String config, String... goals)
            throws Exception {
        PluginExecution execution = new PluginExecution();
        execution.setId(executionId);
        execution.setPhase(phase);
        execution.setConfiguration(config == null ? null
                : Xpp3DomBuilder.build(new StringReader("<configuration>" + config + "</configuration>")));
        for (String goal : goals) {
            execution.addGoal(goal);
        }
        Plugin plugin = new Plugin();
        plugin.setGroupId(artifactId.startsWith("flyway") ? "org.flywaydb" : "org.liquibase");
        plugin.setArtifactId(artifactId);
        plugin.addExecution(execution);
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().addPlugin(plugin);
        Resource resources = new Resource();
        resources.setDirectory(dir.resolve("src/main/resources").toString());
        project.getBuild().addResource(resources);
        return project;
    }

    private void write(String relative, String content) throws Exception {
        Files.createDirectories(dir.resolve(relative).getParent());
        Files.writeString(dir.resolve(relative), content);
    }

    @Test
    void liquibaseUpdateAtProcessTestClassesReadsItsPropertyFile() throws Exception {
        write("src/main/resources/db/liquibase.properties", "changeLogFile=db/changelog.xml\nurl=jdbc:postgresql://localhost/shop\n"
                + "username=shop\npassword=secret\n");
        MavenProject project = project("liquibase-maven-plugin", "update-db", "process-test-classes",
                "<propertyFile>db/liquibase.properties</propertyFile>", "update");
        BuildPlan plan = BuildPlan.of(List.of("liquibase-maven-plugin:update-db", "maven-surefire-plugin:default-test"));

        List<DiscoveredUrl> urls = new MigrationPluginReader(project, plan).read();

        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost/shop");
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/db/liquibase.properties:2");
            assertThat(u.provenance().howToChange()).contains("update-db").contains("liquibase-maven-plugin");
            assertThat(u.credentials().username()).isEqualTo("shop");
            assertThat(u.testRun()).isNull();
        });
        assertThat(new MigrationPluginReader(project, BuildPlan.of(List.of("maven-surefire-plugin:default-test"))).read())
                .as("not in the build plan: not the tests' business").isEmpty();
    }

    @Test
    void liquibaseDefaultPropertiesFileAndPomUrl() throws Exception {
        write("liquibase.properties", "url=jdbc:mariadb://localhost/from_file\n");
        assertThat(new MigrationPluginReader(project("liquibase-maven-plugin", "lb", null, "<username>x</username>", "update"))
                .read()).extracting(DiscoveredUrl::url).containsExactly("jdbc:mariadb://localhost/from_file");
        assertThat(new MigrationPluginReader(project("liquibase-maven-plugin", "lb", null,
                "<url>jdbc:h2:mem:pom</url>", "update")).read()).extracting(DiscoveredUrl::url).containsExactly("jdbc:h2:mem:pom");
        assertThat(new MigrationPluginReader(project("liquibase-maven-plugin", "lb", null,
                "<url>jdbc:h2:mem:pom</url><propertyFileWillOverride>true</propertyFileWillOverride>", "update")).read())
                .extracting(DiscoveredUrl::url).containsExactly("jdbc:mariadb://localhost/from_file");
    }

    @Test
    void flywayConfigFilesAndDefaultFiles() throws Exception {
        write("db/local.conf", "flyway.url=jdbc:postgresql://localhost/local\n");
        write("flyway.toml", "[environments.default]\nurl = \"jdbc:postgresql://localhost/toml\"\n");
        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes",
                "<configFiles><configFile>db/local.conf</configFile></configFiles>", "migrate")).read())
                .extracting(u -> u.provenance().location()).containsExactly("db/local.conf:1");
        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes", null, "clean"))
                .read()).extracting(DiscoveredUrl::url).containsExactly("jdbc:postgresql://localhost/toml");
    }

    @Test
    void skippedExecutionsTouchNoDatabase() throws Exception {
        write("flyway.conf", "flyway.url=jdbc:postgresql://localhost/shop\n");
        write("liquibase.properties", "url=jdbc:postgresql://localhost/shop\n");
        BuildPlan plan = BuildPlan.everything();
        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes",
                "<skip>true</skip>", "migrate"), plan, properties(Map.of(), Map.of())).read()).as("<skip>true</skip>").isEmpty();
        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes", null, "migrate"),
                plan, properties(Map.of("flyway.skip", "true"), Map.of())).read()).as("-Dflyway.skip=true").isEmpty();
        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes",
                "<skip>${skipDb}</skip>", "migrate"), plan, properties(Map.of(), Map.of("skipDb", "true"))).read())
                .as("<skip>${skipDb}</skip> with the project property true").isEmpty();
        assertThat(new MigrationPluginReader(project("liquibase-maven-plugin", "lb", null, null, "update"), plan,
                properties(Map.of("liquibase.skip", "true"), Map.of())).read()).as("-Dliquibase.skip=true").isEmpty();

        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes",
                "<skip>false</skip>", "migrate"), plan, properties(Map.of("flyway.skip", "true"), Map.of())).read())
                .as("an explicit <skip>false</skip> beats the property, as in Maven").extracting(DiscoveredUrl::url)
                .containsExactly("jdbc:postgresql://localhost/shop");
        assertThat(new MigrationPluginReader(project("flyway-maven-plugin", "m", "process-test-classes", null, "migrate"),
                plan, properties(Map.of("flyway.skip", "false", "liquibase.skip", "true"), Map.of())).read())
                .as("another plugin's skip property does not skip Flyway").extracting(DiscoveredUrl::url)
                .containsExactly("jdbc:postgresql://localhost/shop");
    }

    private static BuildProperties properties(Map<String, String> user, Map<String, String> project) {
        return new BuildProperties(user, project, Map.of(), Map.of());
    }
}
