package dev.testguard.maven;

import dev.testguard.discovery.surefire.TestRuntimeResolver;
import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.arm.ArgLine;
import dev.testguard.runtime.arm.ArmingRefusal;
import dev.testguard.runtime.arm.ArmingRefusals;
import dev.testguard.runtime.arm.Arming;
import dev.testguard.runtime.arm.ForkOptions;
import dev.testguard.verify.VerifyRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** The Maven side of arming the runtime guard for one project: refusals, jar and options, argLine, listener. */
final class RuntimeArmer {

    private final MavenProject project;
    private final MavenSession session;
    private final String propertyName;
    private final Log log;

    RuntimeArmer(MavenProject project, MavenSession session, String propertyName, Log log) {
        this.project = project;
        this.session = session;
        this.propertyName = propertyName == null || propertyName.isBlank() ? "argLine" : propertyName.trim();
        this.log = log;
    }

    /** Configurations of the request's test runs that would start a test JVM without the agent. */
    List<ArmingRefusal> refusals(VerifyRequest request) {
        TestRuntimeResolver resolver = new TestRuntimeResolver(request.build(), request.layout().basedir(), w -> { });
        return new ArmingRefusals(propertyName, request.build()).find(request.executions(),
                new TestPluginReader(project).parameter("forkCount"), resolver::skippedBy);
    }

    /** Writes jar and options, prepends the agent to the property, and checks the tests once they ran. */
    void arm(PluginDescriptor plugin, PolicySettings policy, boolean offline, Duration timeout, Path reportFile,
            VerifyRequest request) throws MojoExecutionException {
        Path build = Path.of(project.getBuild().getDirectory());
        Properties properties = project.getProperties();
        String testArguments = ForkOptions.of(System.getenv(), request.executions());
        Arming.Armed armed;
        try {
            armed = Arming.arm(build, guardClasspath(plugin), policy, offline, timeout,
                    properties.getProperty(propertyName), testArguments);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("testguard cannot arm the runtime guard under "
                    + Arming.agentDirectory(build) + ": " + e.getMessage()
                    + ". To build without the runtime guard (loudly): -Dtestguard.runtime=false.", e);
        }
        properties.setProperty(propertyName, armed.argLine());
        RuntimeGuardCheck.remember(project, armed.token(), armed.armedAt(), armed.recordsDirectory(), reportFile);
        RuntimeGuardListener.registerOnce(session, log);
        // the old value is not printed: it may hold a password
        log.info("testguard: runtime guard armed for every test JVM: " + ArgLine.agentArgument(armed.jar(),
                armed.options(), armed.argLine() + " " + testArguments) + " prepended to the " + propertyName
                + " property");
    }

    /** Guard off: say so loudly and define the property as empty when absent, so @{argLine} still resolves. */
    void disarmed(String why) {
        log.warn("==========================================================================");
        log.warn("testguard: the RUNTIME GUARD is OFF (" + why + ").");
        log.warn("Connections the tests open from code are NOT checked: they may reach any database.");
        log.warn("==========================================================================");
        defineEmptyIfAbsent();
    }

    void defineEmptyIfAbsent() {
        Properties properties = project.getProperties();
        if (properties.getProperty(propertyName) == null) {
            properties.setProperty(propertyName, ArgLine.unarmed(null));
            log.info("testguard: " + propertyName + " set to empty");
        }
    }

    /** The plugin jar and its runtime dependencies, without the JDBC/R2DBC drivers it brings. */
    static List<Path> guardClasspath(PluginDescriptor plugin) {
        List<Path> classpath = new ArrayList<>();
        if (plugin == null) {
            return classpath;
        }
        if (plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
            classpath.add(plugin.getPluginArtifact().getFile().toPath().toAbsolutePath());
        }
        for (Artifact a : plugin.getArtifacts()) {
            if (a.getFile() != null && !Arming.DRIVER_GROUPS.contains(a.getGroupId())
                    && !(a.getGroupId() + ":" + a.getArtifactId()).equals(plugin.getGroupId() + ":" + plugin.getArtifactId())) {
                classpath.add(a.getFile().toPath().toAbsolutePath());
            }
        }
        return classpath;
    }
}
