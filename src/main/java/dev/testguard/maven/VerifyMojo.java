package dev.testguard.maven;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.UrlSource;
import dev.testguard.policy.Classification;
import dev.testguard.probe.TimedLiveProbe;
import dev.testguard.report.ConsoleReport;
import dev.testguard.report.FailureMessage;
import dev.testguard.report.JsonReport;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import dev.testguard.report.ReportFiles;
import dev.testguard.report.ci.CiOutput;
import dev.testguard.runtime.arm.ArmingRefusal;
import dev.testguard.runtime.arm.ArmingRefusals;
import dev.testguard.verify.Verifier;
import dev.testguard.verify.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build before any test runs when a Surefire or Failsafe test run would see a JDBC URL
 * that is not a test database. Resolves every URL the tests will see, the way Surefire, Failsafe and
 * the framework (Spring Boot, Quarkus, Micronaut, JPA) will resolve it, classifies each one and writes
 * {@code target/testguard/report.json} (a further {@code verify} execution in the same module and build:
 * {@code report-<executionId>.json}).
 * <p>
 * Bound to {@code process-test-resources} (the default) it checks Surefire and Failsafe. Bound again to
 * {@code pre-integration-test} it re-checks Failsafe alone, with the properties other plugins set late in the build.
 * {@code -Dtestguard.url=<jdbc url>} adds one more database to check, e.g. {@code mvn testguard:verify -Dtestguard.url=...}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class VerifyMojo extends AbstractGuardMojo {

    /** Set on the project by its first verify execution in this build, which writes report.json. */
    private static final String REPORT_CLAIMED = "dev.testguard.verify.reportClaimed";

    /**
     * One more database to check, e.g. {@code mvn testguard:verify -Dtestguard.url=jdbc:postgresql://localhost/app_test}.
     * The {@code -D} form is read when the goal runs, not bound by Maven, so {@code mvn -X} never prints a password in it.
     */
    @Parameter
    private String url;

    /**
     * Where the JSON report goes. Default: {@code ${project.build.directory}/testguard/report.json} for the first
     * {@code verify} execution of the module in a build, {@code report-<executionId>.json} beside it for each further
     * one (e.g. a re-check bound to {@code pre-integration-test}), so that none replaces another's. When set, every
     * execution it applies to writes this file: give each execution its own in its {@code <configuration>}.
     */
    @Parameter(property = "testguard.reportFile")
    private File reportFile;

    /**
     * Arms the runtime guard: a Java agent in every Surefire and Failsafe test JVM checks every JDBC and R2DBC
     * connection against the same rules, and the build fails after the tests if one was refused or a test JVM ran
     * without the guard. {@code false} turns it off (loudly).
     */
    @Parameter(property = "testguard.runtime", defaultValue = "true")
    private boolean runtimeGuard;

    /** The project property that carries the agent to the test JVMs (JaCoCo's convention: {@code argLine}). */
    @Parameter(property = "testguard.propertyName", defaultValue = "argLine")
    private String propertyName;

    /**
     * Checks and reports exactly as usual (same refusals, same report) but prepares nothing for a test run: the
     * runtime guard is not armed, and says so loudly. The pre-commit hook uses it: no test runs there.
     */
    @Parameter(property = "testguard.checkOnly", defaultValue = "false")
    private boolean checkOnly;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        ProjectLayout layout = layout();
        List<UrlSource> sources = sources();
        TimedLiveProbe probe = new TimedLiveProbe(probe());
        String phase = mojoExecution == null ? null : mojoExecution.getLifecyclePhase();
        boolean failsafeOnly = "pre-integration-test".equals(phase) || "integration-test".equals(phase);
        Report report;
        VerifyRequest request;
        try {
            request = request(layout, failsafeOnly);
            String given = urlParameter(url, "testguard.url");
            if (given != null) {
                request = request.plus(DiscoveredUrl.of("testguard.url", given, Provenance.commandLine("testguard.url"), null)
                        .withCredentials(explicitCredentials()));
            }
            report = new Verifier(sources, classifier(sources, probe, layout), offline).verify(request);
        } catch (ConfigFileException e) {
            throw new MojoFailureException("testguard cannot check this build: " + e.getMessage(), e);
        }
        log(report);
        if (!offline) {
            getLog().info("testguard: " + probe.summary());
        }
        Path reportFile = reportFile(layout);
        try {
            JsonReport.write(report, reportFile);
        } catch (IOException e) {
            throw new MojoExecutionException("testguard cannot write its report " + reportFile + ": " + e.getMessage(), e);
        }
        ciOutput(report, reportFile);
        RuntimeArmer armer = new RuntimeArmer(project, session, propertyName, getLog());
        List<ArmingRefusal> refusals = failsafeOnly || !runtimeGuard ? List.of() : armer.refusals(request);
        if (report.hasProtected()) {
            throw new MojoFailureException(FailureMessage.of(report, layout.display(reportFile))
                    + (refusals.isEmpty() ? "" : "\n\n" + ArmingRefusals.message(refusals)));
        }
        if (!refusals.isEmpty()) {
            throw new MojoFailureException(ArmingRefusals.message(refusals));
        }
        if (failsafeOnly) {
            return;
        }
        if (checkOnly) {
            armer.disarmed("testguard.checkOnly=true: this build only checks, it prepares no test run");
        } else if (runtimeGuard) {
            armer.arm(plugin, policySettings(), offline, Duration.ofMillis(connectTimeout), reportFile, request);
        } else {
            armer.disarmed("testguard.runtime=false");
        }
    }

    @Override
    protected void skipped() {
        new RuntimeArmer(project, session, propertyName, getLog()).defineEmptyIfAbsent();
    }

    /**
     * The configured report file, else this execution's own: report.json for the module's first verify execution in
     * this build, report-executionId.json for a further one (said on the console, the name being new).
     */
    private Path reportFile(ProjectLayout layout) {
        if (reportFile != null) {
            return reportFile.toPath();
        }
        String execution = mojoExecution == null ? null : mojoExecution.getExecutionId();
        boolean first;
        synchronized (project) {
            first = project.getContextValue(REPORT_CLAIMED) == null;
            if (first) {
                project.setContextValue(REPORT_CLAIMED, String.valueOf(execution));
            }
        }
        Path file = ReportFiles.of(Path.of(project.getBuild().getDirectory(), "testguard"), first, execution);
        if (!first) {
            getLog().info("testguard: report " + layout.display(file) + " (execution " + execution + "; "
                    + ReportFiles.FILE_NAME + " holds the module's first verify execution, "
                    + project.getContextValue(REPORT_CLAIMED) + ")");
        }
        return file;
    }

    /** In CI: annotations for the PROTECTED URLs and target/testguard/TEST-testguard[-executionId].xml. */
    private void ciOutput(Report report, Path reportFile) throws MojoExecutionException {
        Path reportDirectory = reportFile.toAbsolutePath().getParent();
        Path root = session == null || session.getExecutionRootDirectory() == null ? null : Path.of(session.getExecutionRootDirectory());
        try {
            String execution = mojoExecution == null ? null : mojoExecution.getExecutionId();
            Path junit = CiOutput.emit(System.getenv(), report, project.getBasedir().toPath(), root, reportDirectory,
                    execution, System.out);
            if (junit != null) {
                getLog().info("testguard: CI detected, JUnit report " + layout().display(junit));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("testguard cannot write its JUnit report in " + reportDirectory + ": " + e.getMessage(), e);
        }
    }

    private void log(Report report) {
        for (String line : ConsoleReport.render(report)) {
            if (report.hasProtected()) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
        for (String warning : report.warnings()) {
            getLog().warn("testguard: " + warning);
        }
        for (ReportEntry e : report.entries()) {
            for (String o : e.overrides()) {
                getLog().warn("testguard: OVERRIDE in use for " + e.url() + ": " + o);
            }
            for (String l : e.lifted()) {
                getLog().warn("testguard: OVERRIDE lifted exactly " + l);
            }
            if (e.classification() == Classification.UNRESOLVED) {
                getLog().warn("testguard: " + e.url() + " from " + e.source() + " is unresolved: " + e.reason());
            }
        }
    }
}
