package dev.testguard.discovery.surefire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Decides whether a plugin execution will do its work at all, as the plugin's own skip parameters do. */
public final class Skips {

    private Skips() {
    }

    /**
     * For Surefire and Failsafe: whether the execution will run tests.
     *
     * @param configured the raw values of the skip parameters present in the execution's configuration
     * @return the parameter that skips the execution, as {@code name=value}, or null when tests will run
     */
    static String skippedBy(String plugin, Map<String, String> configured, BuildProperties build,
                            UnaryOperator<String> interpolate) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("skip", "maven.test.skip");
        parameters.put("skipTests", "skipTests");
        parameters.put("skipExec", "maven.test.skip.exec");
        if (TestPluginExecution.FAILSAFE.equals(plugin)) {
            parameters.put("skipITs", "skipITs");
        }
        return skippedBy(parameters, configured, build, interpolate);
    }

    /**
     * Whether any of a plugin's boolean skip {@code parameters} (parameter name to the user property it reads when
     * not configured, e.g. {@code skip} to {@code flyway.skip}) is true for this execution.
     *
     * @param configured  the raw values of the skip parameters present in the execution's configuration
     * @param interpolate resolves {@code ${...}} left in a configured value
     * @return the parameter that skips the execution, as {@code <skip>=true} or {@code flyway.skip=true}, or null
     */
    public static String skippedBy(Map<String, String> parameters, Map<String, String> configured, BuildProperties build,
                                   UnaryOperator<String> interpolate) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String raw = configured.get(p.getKey());
            String value = raw != null ? interpolate.apply(raw.trim()) : build.evaluate(p.getValue());
            if (value != null && (value.isEmpty() || Boolean.parseBoolean(value.trim()))) {
                // -DskipTests with no value means true
                String name = raw != null ? "<" + p.getKey() + ">" : p.getValue();
                return name + "=" + (value.isEmpty() ? "true" : value.trim());
            }
        }
        return null;
    }
}
