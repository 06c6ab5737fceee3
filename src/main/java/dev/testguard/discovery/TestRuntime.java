package dev.testguard.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one forked test JVM will see: its system properties and its environment, each value with
 * its provenance. Built from a Surefire or Failsafe execution by {@code TestPluginResolver}.
 *
 * @param name             the test run, e.g. {@code maven-surefire-plugin:default-test}
 * @param systemProperties effective system properties of the fork (highest precedence first already applied)
 * @param environment      effective environment of the fork (the build's, plus the plugin's additions)
 */
public record TestRuntime(String name, Map<String, SourcedValue> systemProperties, Map<String, SourcedValue> environment) {

    public TestRuntime {
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    public String systemProperty(String key) {
        SourcedValue v = systemProperties.get(key);
        return v == null ? null : v.value();
    }

    public String env(String key) {
        SourcedValue v = environment.get(key);
        return v == null ? null : v.value();
    }
}
