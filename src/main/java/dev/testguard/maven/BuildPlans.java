package dev.testguard.maven;

import dev.testguard.discovery.BuildPlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.Log;

/**
 * Asks Maven which executions the requested tasks will run for the current project. Only a build that names a
 * lifecycle phase has a plan; a goal run alone ({@code mvn testguard:verify}) checks every bound execution.
 */
final class BuildPlans {

    private BuildPlans() {
    }

    static BuildPlan of(LifecycleExecutor lifecycle, MavenSession session, Log log) {
        List<String> tasks = session.getGoals();
        if (lifecycle == null || tasks == null || tasks.stream().allMatch(t -> t.contains(":"))) {
            return BuildPlan.everything();
        }
        try {
            MavenExecutionPlan plan = lifecycle.calculateExecutionPlan(session, false, tasks.toArray(new String[0]));
            List<String> keys = new ArrayList<>();
            for (MojoExecution execution : plan.getMojoExecutions()) {
                keys.add(BuildPlan.key(execution.getArtifactId(), execution.getExecutionId()));
            }
            return BuildPlan.of(keys);
        } catch (Exception | LinkageError e) {
            log.warn("testguard: could not compute the build plan (" + e + "); checking every bound execution");
            return BuildPlan.everything();
        }
    }
}
