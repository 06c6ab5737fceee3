package dev.testguard.discovery.surefire;

import dev.testguard.discovery.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The property sets of the running build that decide what a test fork sees.
 *
 * @param userProperties    {@code -D} properties from the mvn command line
 * @param projectProperties the project's properties as they are now (other plugins may have set some)
 * @param systemProperties  the Maven JVM's system properties
 * @param environment       the Maven process's environment, which forks inherit
 * @param userPropertyFiles where user properties written in a file ({@code .mvn/maven.config}) come from
 */
public record BuildProperties(
        Map<String, String> userProperties,
        Map<String, String> projectProperties,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Map<String, Provenance> userPropertyFiles) {

    public BuildProperties {
        userProperties = copy(userProperties);
        projectProperties = copy(projectProperties);
        systemProperties = copy(systemProperties);
        environment = copy(environment);
        userPropertyFiles = Collections.unmodifiableMap(new LinkedHashMap<>(
                userPropertyFiles == null ? Map.of() : userPropertyFiles));
    }

    public BuildProperties(Map<String, String> userProperties, Map<String, String> projectProperties,
                           Map<String, String> systemProperties, Map<String, String> environment) {
        this(userProperties, projectProperties, systemProperties, environment, Map.of());
    }

    /** Where the user property {@code name} was given: {@code .mvn/maven.config:line}, or the command line. */
    public Provenance userPropertyOrigin(String name) {
        Provenance file = userPropertyFiles.get(name);
        return file != null ? file : Provenance.commandLine(name);
    }

    /**
     * A {@code ${name}} expression as Maven evaluates it in plugin configuration: the command line
     * and system properties win over project properties; {@code env.X} reads the environment.
     */
    public String evaluate(String name) {
        if (userProperties.containsKey(name)) {
            return userProperties.get(name);
        }
        if (systemProperties.containsKey(name)) {
            return systemProperties.get(name);
        }
        if (name.startsWith("env.")) {
            return environment.get(name.substring(4));
        }
        return projectProperties.get(name);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map == null ? Map.of() : map));
    }
}
