package dev.testguard.maven;

import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.runtime.arm.Arming;
import dev.testguard.runtime.arm.RuntimeVerdict;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks, after the tests, what the runtime guard saw in this module's test JVMs: fails when a connection was refused
 * (even if the test caught the exception), when the guard hit an internal error, or when a test class ran in a JVM
 * without the guard. The default {@code verify} execution does the same check by itself right after
 * {@code surefire:test} and {@code failsafe:integration-test}; this goal runs it explicitly, e.g.
 * {@code mvn test testguard:runtime-check}. Adds the {@code runtime} section to report.json.
 */
@Mojo(name = "runtime-check", threadSafe = true)
public class RuntimeCheckMojo extends AbstractTestguardMojo {

    /** The JSON report that gains the {@code runtime} section. */
    @Parameter(property = "testguard.reportFile", defaultValue = "${project.build.directory}/testguard/report.json")
    private File reportFile;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path build = Path.of(project.getBuild().getDirectory());
        Arming.Armed armed;
        try {
            armed = Arming.lastArmed(build);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("testguard cannot read the runtime guard's options under "
                    + Arming.agentDirectory(build) + ": " + e.getMessage(), e);
        }
        if (armed == null) {
            getLog().warn("testguard: the runtime guard was not armed in " + build + " (testguard:verify did not run,"
                    + " or ran with -Dtestguard.runtime=false): nothing to check");
            return;
        }
        RuntimeVerdict verdict = RuntimeGuardCheck.run(armed.recordsDirectory(), armed.token(), armed.armedAt(),
                reportDirectories(build), reportFile.toPath(), getLog());
        if (verdict.failed()) {
            throw new MojoFailureException(verdict.failureMessage());
        }
    }

    /** The default report directories and every {@code reportsDirectory} Surefire/Failsafe executions configure. */
    private List<Path> reportDirectories(Path build) {
        Set<Path> directories = new LinkedHashSet<>(List.of(build.resolve("surefire-reports"),
                build.resolve("failsafe-reports")));
        for (ConfiguredValue v : new TestPluginReader(project).parameter("reportsDirectory").values()) {
            directories.add(project.getBasedir().toPath().resolve(v.value().trim()));
        }
        return List.copyOf(directories);
    }
}
