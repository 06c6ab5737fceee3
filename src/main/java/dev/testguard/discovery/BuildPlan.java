package dev.testguard.discovery;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plugin executions this build will really run, as {@code artifactId:executionId} keys. An execution the
 * build does not run (bound to phase {@code none}, or to a phase after the last one requested, such as
 * Failsafe under {@code mvn test}) is neither checked nor reported. {@link #everything()} stands for a build
 * whose plan is unknown (a goal called directly from the command line): then every bound execution counts.
 */
public final class BuildPlan {

    private static final BuildPlan EVERYTHING = new BuildPlan(null);

    private final Set<String> executions;

    private BuildPlan(Set<String> executions) {
        this.executions = executions;
    }

    public static BuildPlan everything() {
        return EVERYTHING;
    }

    /** The plan holding exactly these {@code artifactId:executionId} keys. */
    public static BuildPlan of(Collection<String> executionKeys) {
        return new BuildPlan(Set.copyOf(executionKeys));
    }

    public static String key(String pluginArtifactId, String executionId) {
        return pluginArtifactId + ":" + executionId;
    }

    /** Whether the build runs this execution; {@code phase} is the execution's own {@code <phase>}, or null. */
    public boolean runs(String pluginArtifactId, String executionId, String phase) {
        if (phase != null && "none".equalsIgnoreCase(phase.trim())) {
            return false;
        }
        return executions == null || executions.contains(key(pluginArtifactId, executionId));
    }

    public boolean known() {
        return executions != null;
    }

    @Override
    public String toString() {
        return executions == null ? "every bound execution" : String.join(", ", new TreeSet<>(executions));
    }
}
