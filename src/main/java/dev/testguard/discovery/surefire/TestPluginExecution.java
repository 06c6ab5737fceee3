package dev.testguard.discovery.surefire;

import java.util.List;
import java.util.Map;

/**
 * The configuration of one Surefire or Failsafe execution that runs tests, copied out of the
 * Maven model (pluginManagement and plugin-level configuration already merged in) as plain values.
 *
 * @param plugin                  {@code maven-surefire-plugin} or {@code maven-failsafe-plugin}
 * @param executionId             e.g. {@code default-test}
 * @param pom                     the POM as displayed to users, e.g. {@code pom.xml}
 * @param skipParameters          raw values of {@code skip}, {@code skipTests}, {@code skipExec}, {@code skipITs} when configured
 * @param argLine                 the {@code <argLine>} element, or null when absent (the {@code argLine} property applies)
 * @param systemPropertyVariables {@code <systemPropertyVariables>} entries
 * @param systemProperties        deprecated {@code <systemProperties>} entries
 * @param systemPropertiesFile    {@code <systemPropertiesFile>}, or null
 * @param environmentVariables    {@code <environmentVariables>} entries
 * @param excludedEnvironmentVariables names listed in {@code <excludedEnvironmentVariables>}
 * @param promoteUserProperties   false only when {@code <promoteUserPropertiesToSystemProperties>} is false
 * @param workingDirectory        {@code <workingDirectory>}, or null (the project directory)
 */
public record TestPluginExecution(
        String plugin,
        String executionId,
        String pom,
        Map<String, String> skipParameters,
        ConfiguredValue argLine,
        List<ConfiguredValue> systemPropertyVariables,
        List<ConfiguredValue> systemProperties,
        ConfiguredValue systemPropertiesFile,
        List<ConfiguredValue> environmentVariables,
        List<String> excludedEnvironmentVariables,
        boolean promoteUserProperties,
        ConfiguredValue workingDirectory) {

    public static final String SUREFIRE = "maven-surefire-plugin";
    public static final String FAILSAFE = "maven-failsafe-plugin";

    public TestPluginExecution {
        skipParameters = Map.copyOf(skipParameters);
        systemPropertyVariables = List.copyOf(systemPropertyVariables);
        systemProperties = List.copyOf(systemProperties);
        environmentVariables = List.copyOf(environmentVariables);
        excludedEnvironmentVariables = List.copyOf(excludedEnvironmentVariables);
    }

    /** The test run's name in reports: {@code maven-surefire-plugin:default-test}. */
    public String runName() {
        return plugin + ":" + executionId;
    }

    public boolean isFailsafe() {
        return FAILSAFE.equals(plugin);
    }

    /** {@code pom.xml:42 maven-surefire-plugin (default-test) <argLine>}: where to look in the POM. */
    public String locate(ConfiguredValue value, String element) {
        String where = value != null && value.line() > 0 ? pom + ":" + value.line() : pom;
        return where + " " + plugin + " (" + executionId + ") " + element;
    }
}
