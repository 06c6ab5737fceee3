package dev.testguard.maven;

import dev.testguard.discovery.BuildPlan;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * URLs that Flyway and Liquibase Maven plugin executions bound to the build will use: a
 * {@code clean} or {@code dropAll} there wipes a database during {@code mvn verify} just as a test would.
 * Executions not bound to the lifecycle (run by hand, e.g. {@code mvn flyway:migrate}) are not the tests' business.
 */
final class MigrationPluginReader {

    /** artifactId → the configuration element names of url, user and password. */
    private static final Map<String, String[]> PLUGINS = Map.of(
            "flyway-maven-plugin", new String[] {"url", "user", "password"},
            "liquibase-maven-plugin", new String[] {"url", "username", "password"});

    private final MavenProject project;
    private final BuildPlan plan;

    MigrationPluginReader(MavenProject project) {
        this(project, BuildPlan.everything());
    }

    MigrationPluginReader(MavenProject project, BuildPlan plan) {
        this.project = project;
        this.plan = plan;
    }

    List<DiscoveredUrl> read() {
        List<DiscoveredUrl> urls = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            String[] names = PLUGINS.get(plugin.getArtifactId());
            if (names == null) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().isEmpty()
                        || !plan.runs(plugin.getArtifactId(), execution.getId(), execution.getPhase())) {
                    continue;
                }
                Xpp3Dom config = execution.getConfiguration() != null ? (Xpp3Dom) execution.getConfiguration()
                        : (Xpp3Dom) plugin.getConfiguration();
                Xpp3Dom url = config == null ? null : config.getChild(names[0]);
                if (url == null || url.getValue() == null || url.getValue().isBlank()) {
                    continue;
                }
                String where = "pom.xml" + lineSuffix(url) + " " + plugin.getArtifactId() + " (" + execution.getId()
                        + ", goals " + String.join(",", execution.getGoals()) + ") <" + names[0] + ">";
                Provenance provenance = new Provenance(Provenance.Kind.POM, where, null, TestPluginReader.line(url),
                        "point <" + names[0] + "> of " + plugin.getArtifactId() + " at a test database, or unbind execution '"
                                + execution.getId() + "' from the build");
                urls.add(DiscoveredUrl.of(names[0], url.getValue().trim(), provenance, null)
                        .withCredentials(new Credentials(value(config, names[1]), value(config, names[2]))));
            }
        }
        return urls;
    }

    private static String value(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        return child == null ? null : child.getValue();
    }

    private static String lineSuffix(Xpp3Dom dom) {
        int line = TestPluginReader.line(dom);
        return line > 0 ? ":" + line : "";
    }
}
