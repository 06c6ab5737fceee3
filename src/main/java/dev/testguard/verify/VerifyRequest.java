package dev.testguard.verify;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.util.List;

/**
 * Everything {@link Verifier} needs, as plain values.
 *
 * @param project       groupId:artifactId
 * @param phase         the phase verify runs in
 * @param layout        the project's directories and test classpath
 * @param build         user, project, system properties and environment of the build
 * @param executions    the Surefire/Failsafe executions to check
 * @param buildTimeUrls URLs used by the build itself (Flyway/Liquibase plugin executions)
 */
public record VerifyRequest(
        String project,
        String phase,
        ProjectLayout layout,
        BuildProperties build,
        List<TestPluginExecution> executions,
        List<DiscoveredUrl> buildTimeUrls) {

    public VerifyRequest {
        executions = List.copyOf(executions);
        buildTimeUrls = List.copyOf(buildTimeUrls);
    }

    /** This request with one more URL to check, e.g. one named on the command line. */
    public VerifyRequest plus(DiscoveredUrl url) {
        List<DiscoveredUrl> urls = new java.util.ArrayList<>(buildTimeUrls);
        urls.add(url);
        return new VerifyRequest(project, phase, layout, build, executions, urls);
    }
}
