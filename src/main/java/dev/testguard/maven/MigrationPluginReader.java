package dev.testguard.maven;

import dev.testguard.discovery.BuildPlan;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.migration.MigrationExecution;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.Skips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * URLs that Flyway and Liquibase Maven plugin executions bound to the build will use: a
 * {@code clean} or {@code dropAll} there wipes a database during {@code mvn verify} just as a test would.
 * The URL may sit in the POM or in the files the execution reads: Flyway's {@code <configFiles>} (default
 * {@code flyway.conf} and {@code flyway.toml} of the project), Liquibase's {@code <propertyFile>} (default
 * {@code liquibase.properties}). Executions not in the build plan (run by hand, phase {@code none}) are not the tests' business,
 * nor are those the plugin skips ({@code <skip>true</skip>}, {@code -Dflyway.skip=true}, {@code -Dliquibase.skip=true}):
 * they never open a connection.
 */
final class MigrationPluginReader {

    /** artifactId → the configuration element names of url, user and password. */
    private static final Map<String, String[]> PLUGINS = Map.of(
            "flyway-maven-plugin", new String[] {"url", "user", "password"},
            "liquibase-maven-plugin", new String[] {"url", "username", "password"});

    private final MavenProject project;
    private final BuildPlan plan;
    private final ProjectLayout layout;
    private final BuildProperties build;

    MigrationPluginReader(MavenProject project) {
        this(project, BuildPlan.everything());
    }

    MigrationPluginReader(MavenProject project, BuildPlan plan) {
        this(project, plan, new BuildProperties(Map.of(), Map.of(), Map.of(), Map.of()));
    }

    /** {@code build}: the properties a {@code skip} parameter reads ({@code flyway.skip}, {@code liquibase.skip}). */
    MigrationPluginReader(MavenProject project, BuildPlan plan, BuildProperties build) {
        this.project = project;
        this.plan = plan;
        this.layout = ProjectLayout.standard(project.getBasedir().toPath());
        this.build = build;
    }

    List<DiscoveredUrl> read() {
        List<DiscoveredUrl> urls = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            String[] names = PLUGINS.get(plugin.getArtifactId());
            if (names == null) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (!execution.getGoals().isEmpty()
                        && plan.runs(plugin.getArtifactId(), execution.getId(), execution.getPhase())) {
                    Xpp3Dom config = execution.getConfiguration() != null ? (Xpp3Dom) execution.getConfiguration()
                            : (Xpp3Dom) plugin.getConfiguration();
                    if (skippedBy(plugin, config) == null) {
                        execution(plugin, execution, config, names).url(layout).ifPresent(urls::add);
                    }
                }
            }
        }
        return urls;
    }

    /** {@code <skip>=true} or {@code flyway.skip=true} when the plugin skips this execution, else null. */
    private String skippedBy(Plugin plugin, Xpp3Dom config) {
        String property = plugin.getArtifactId().startsWith("flyway") ? "flyway.skip" : "liquibase.skip";
        String raw = value(config, "skip");
        return Skips.skippedBy(Map.of("skip", property), raw == null ? Map.of() : Map.of("skip", raw), build,
                this::interpolate);
    }

    /** A whole-value {@code ${name}} the model left unresolved, as Maven evaluates it for a plugin parameter. */
    private String interpolate(String raw) {
        if (raw.startsWith("${") && raw.endsWith("}")) {
            String value = build.evaluate(raw.substring(2, raw.length() - 1));
            return value == null ? "false" : value;
        }
        return raw;
    }

    private MigrationExecution execution(Plugin plugin, PluginExecution execution, Xpp3Dom config, String[] names) {
        boolean flyway = plugin.getArtifactId().startsWith("flyway");
        Xpp3Dom url = config == null ? null : config.getChild(names[0]);
        MigrationExecution.MigrationPom pomUrl = null;
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            int line = TestPluginReader.line(url);
            String where = "pom.xml" + (line > 0 ? ":" + line : "") + " " + plugin.getArtifactId() + " ("
                    + execution.getId() + ", goals " + String.join(",", execution.getGoals()) + ") <" + names[0] + ">";
            pomUrl = new MigrationExecution.MigrationPom(url.getValue(), new Provenance(Provenance.Kind.POM, where, null,
                    line, "point <" + names[0] + "> of " + plugin.getArtifactId() + " at a test database, or unbind "
                            + "execution '" + execution.getId() + "' from the build"));
        }
        return new MigrationExecution(plugin.getArtifactId(), execution.getId(), execution.getGoals(), pomUrl,
                value(config, names[1]), value(config, names[2]), flyway ? flywayFiles(config) : liquibaseFiles(config),
                !flyway && "true".equalsIgnoreCase(value(config, "propertyFileWillOverride")));
    }

    private List<Path> flywayFiles(Xpp3Dom config) {
        Xpp3Dom files = config == null ? null : config.getChild("configFiles");
        List<String> names = new ArrayList<>();
        if (files != null) {
            Arrays.stream(files.getChildren()).map(Xpp3Dom::getValue).forEach(names::add);
        } else if (project.getProperties().getProperty("flyway.configFiles") != null) {
            names.addAll(Arrays.asList(project.getProperties().getProperty("flyway.configFiles").split(",")));
        } else {
            names.addAll(List.of("flyway.conf", "flyway.toml"));
        }
        return resolved(names);
    }

    private List<Path> liquibaseFiles(Xpp3Dom config) {
        String file = value(config, "propertyFile");
        List<Path> files = resolved(List.of(file == null ? "liquibase.properties" : file));
        if (file != null && !files.isEmpty() && !java.nio.file.Files.isRegularFile(files.get(0))) {
            // Liquibase falls back to the class path: the main resources here
            project.getResources().forEach(r -> files.add(project.getBasedir().toPath().resolve(r.getDirectory()).resolve(file)));
        }
        return files;
    }

    private List<Path> resolved(List<String> names) {
        Path basedir = project.getBasedir().toPath();
        return names.stream().filter(n -> n != null && !n.isBlank()).map(n -> basedir.resolve(n.trim()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static String value(Xpp3Dom config, String name) {
        Xpp3Dom child = config == null ? null : config.getChild(name);
        return child == null ? null : child.getValue();
    }
}
