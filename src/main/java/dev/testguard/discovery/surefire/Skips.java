package dev.testguard.discovery.surefire;

import java.util.LinkedHashMap;
import java.util.Map;

/** Decides whether a Surefire or Failsafe execution will run tests at all, as the plugin's own parameters do. */
public final class Skips {

    private Skips() {
    }

    /**
     * @param configured the raw values of the skip parameters present in the execution's configuration
     * @return the parameter that skips the execution, as {@code name=value}, or null when tests will run
     */
    static String skippedBy(String plugin, Map<String, String> configured, BuildProperties build,
                            java.util.function.UnaryOperator<String> interpolate) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("skip", "maven.test.skip");
        parameters.put("skipTests", "skipTests");
        parameters.put("skipExec", "maven.test.skip.exec");
        if (TestPluginExecution.FAILSAFE.equals(plugin)) {
            parameters.put("skipITs", "skipITs");
        }
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
