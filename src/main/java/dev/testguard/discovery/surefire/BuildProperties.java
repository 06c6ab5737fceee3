package dev.testguard.discovery.surefire;

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
 */
public record BuildProperties(
        Map<String, String> userProperties,
        Map<String, String> projectProperties,
        Map<String, String> systemProperties,
        Map<String, String> environment) {

    public BuildProperties {
        userProperties = copy(userProperties);
        projectProperties = copy(projectProperties);
        systemProperties = copy(systemProperties);
        environment = copy(environment);
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
