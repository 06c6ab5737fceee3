package dev.testguard.maven;

import dev.testguard.discovery.BuildPlan;
import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Copies the test-running executions of Surefire and Failsafe out of the effective model into
 * plain {@link TestPluginExecution}s. Reads only: nothing in the model is changed.
 */
final class TestPluginReader {

    private static final String MAVEN_PLUGINS = "org.apache.maven.plugins";
    private static final List<String> SKIP_PARAMETERS = List.of("skip", "skipTests", "skipExec", "skipITs");

    private final MavenProject project;
    private final BuildPlan plan;

    TestPluginReader(MavenProject project) {
        this(project, BuildPlan.everything());
    }

    TestPluginReader(MavenProject project, BuildPlan plan) {
        this.project = project;
        this.plan = plan;
    }

    /**
     * Every execution the build runs that runs tests: Surefire's {@code test} goal, Failsafe's
     * {@code integration-test} goal.
     */
    List<TestPluginExecution> read() {
        List<TestPluginExecution> result = new ArrayList<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            String testGoal = testGoal(plugin);
            if (testGoal == null) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(testGoal)
                        && plan.runs(plugin.getArtifactId(), execution.getId(), execution.getPhase())) {
                    result.add(toExecution(plugin, execution));
                }
            }
        }
        return result;
    }

    /**
     * One configuration parameter of every test-running execution, by {@link TestPluginExecution#runName()}
     * (absent when not configured), e.g. {@code forkCount}.
     */
    Map<String, ConfiguredValue> parameter(String name) {
        Map<String, ConfiguredValue> values = new LinkedHashMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            String testGoal = testGoal(plugin);
            for (PluginExecution execution : testGoal == null ? List.<PluginExecution>of() : plugin.getExecutions()) {
                ConfiguredValue value = single(config(plugin, execution), name);
                if (execution.getGoals().contains(testGoal) && value != null) {
                    values.put(plugin.getArtifactId() + ":" + execution.getId(), value);
                }
            }
        }
        return values;
    }

    private static String testGoal(Plugin plugin) {
        if (!MAVEN_PLUGINS.equals(plugin.getGroupId())) {
            return null;
        }
        return TestPluginExecution.SUREFIRE.equals(plugin.getArtifactId()) ? "test"
                : TestPluginExecution.FAILSAFE.equals(plugin.getArtifactId()) ? "integration-test" : null;
    }

    private static Xpp3Dom config(Plugin plugin, PluginExecution execution) {
        // The model builder has already merged plugin-level (and pluginManagement) configuration into executions;
        // merge again defensively for models built without that step. mergeXpp3Dom copies: the model stays untouched.
        Xpp3Dom executionDom = (Xpp3Dom) execution.getConfiguration();
        Xpp3Dom pluginDom = (Xpp3Dom) plugin.getConfiguration();
        Xpp3Dom config = executionDom == null ? pluginDom
                : pluginDom == null ? executionDom
                : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(executionDom), new Xpp3Dom(pluginDom));
        return config == null ? new Xpp3Dom("configuration") : config;
    }

    private TestPluginExecution toExecution(Plugin plugin, PluginExecution execution) {
        Xpp3Dom config = config(plugin, execution);
        String pom = project.getFile() == null ? "pom.xml" : project.getBasedir().toPath()
                .relativize(project.getFile().toPath()).toString();
        Map<String, String> skips = new LinkedHashMap<>();
        for (String name : SKIP_PARAMETERS) {
            Xpp3Dom child = config.getChild(name);
            if (child != null && child.getValue() != null) {
                skips.put(name, child.getValue());
            }
        }
        String promote = value(config, "promoteUserPropertiesToSystemProperties");
        return new TestPluginExecution(
                plugin.getArtifactId(),
                execution.getId(),
                pom,
                skips,
                single(config, "argLine"),
                map(config.getChild("systemPropertyVariables")),
                systemProperties(config.getChild("systemProperties")),
                single(config, "systemPropertiesFile"),
                map(config.getChild("environmentVariables")),
                list(config.getChild("excludedEnvironmentVariables")),
                promote == null || !"false".equalsIgnoreCase(promote.trim()),
                single(config, "workingDirectory"));
    }

    private static String value(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        return child == null ? null : child.getValue();
    }

    private static ConfiguredValue single(Xpp3Dom config, String name) {
        Xpp3Dom child = config.getChild(name);
        return child == null || child.getValue() == null ? null : new ConfiguredValue(name, child.getValue(), line(child));
    }

    private static List<ConfiguredValue> map(Xpp3Dom dom) {
        List<ConfiguredValue> values = new ArrayList<>();
        if (dom != null) {
            for (Xpp3Dom child : dom.getChildren()) {
                values.add(new ConfiguredValue(child.getName(), child.getValue() == null ? "" : child.getValue(), line(child)));
            }
        }
        return values;
    }

    /** The deprecated {@code systemProperties} accepts both {@code <property><name/><value/></property>} and {@code <key>v</key>}. */
    private static List<ConfiguredValue> systemProperties(Xpp3Dom dom) {
        List<ConfiguredValue> values = new ArrayList<>();
        if (dom == null) {
            return values;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            Xpp3Dom name = child.getChild("name");
            if ("property".equals(child.getName()) && name != null) {
                Xpp3Dom value = child.getChild("value");
                values.add(new ConfiguredValue(name.getValue(), value == null || value.getValue() == null ? ""
                        : value.getValue(), line(child)));
            } else {
                values.add(new ConfiguredValue(child.getName(), child.getValue() == null ? "" : child.getValue(), line(child)));
            }
        }
        return values;
    }

    private static List<String> list(Xpp3Dom dom) {
        List<String> values = new ArrayList<>();
        if (dom == null) {
            return values;
        }
        if (dom.getChildCount() == 0 && dom.getValue() != null) {
            for (String s : dom.getValue().split(",")) {
                if (!s.isBlank()) {
                    values.add(s.trim());
                }
            }
        }
        for (Xpp3Dom child : dom.getChildren()) {
            if (child.getValue() != null) {
                values.add(child.getValue().trim());
            }
        }
        return values;
    }

    /** The POM line of a configuration element, when Maven tracked it. */
    static int line(Xpp3Dom dom) {
        Object location = dom.getInputLocation();
        return location instanceof InputLocation ? ((InputLocation) location).getLineNumber() : 0;
    }
}
