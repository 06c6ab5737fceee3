package dev.testguard.maven;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.ConfigFileSources;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.RuntimeUrlSource;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.MainDatasource;
import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.JdbcLiveProbe;
import dev.testguard.probe.LiveProbe;
import dev.testguard.report.ConsoleReport;
import dev.testguard.report.FailureMessage;
import dev.testguard.report.JsonReport;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import dev.testguard.verify.MainDatasourceLocator;
import dev.testguard.verify.Verifier;
import dev.testguard.verify.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build before any test runs when a Surefire or Failsafe test run would see a JDBC URL
 * that is not a test database. Resolves every URL the tests will see, the way Surefire, Failsafe and
 * the framework (Spring Boot, Quarkus, Micronaut, JPA) will resolve it, classifies each one and writes
 * {@code target/testguard/report.json}.
 * <p>
 * Bound to {@code process-test-resources} it checks Surefire and Failsafe. Bound again to
 * {@code pre-integration-test} it re-checks Failsafe with properties set late in the build.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class VerifyMojo extends AbstractTestguardMojo {

    /** Tokens of which a test database name must hold at least one. Default: {@code test, tests, testing}. */
    @Parameter(property = "testguard.testTokens")
    private List<String> testTokens;

    /**
     * Tokens a test database name must not hold. Default: {@code prod, production, prd, live, dev, develop,
     * development, staging, stage, uat, preprod, master, main}.
     */
    @Parameter(property = "testguard.forbiddenTokens")
    private List<String> forbiddenTokens;

    /** Hosts besides loopback and unix sockets where test databases may live, e.g. {@code db.test.internal} or {@code *.ci.local}. */
    @Parameter(property = "testguard.allowedHosts")
    private List<String> allowedHosts;

    /**
     * Exact databases allowed despite failing the name, host, data or identity rules: {@code host:port/db}
     * ({@code host/db} for the default port), or an absolute path for a file database. Each use is logged as a
     * warning and recorded in the report. Never lifts a {@code protected} stamp.
     */
    @Parameter
    private List<String> allowDatabases;

    /** Like {@link #allowDatabases}, from the command line: comma-separated {@code host:port/db}. */
    @Parameter(property = "testguard.allow")
    private String allow;

    /** An unstamped reachable database holding more rows than this (estimated) is treated as real data. */
    @Parameter(property = "testguard.maxRows", defaultValue = "10000")
    private long maxRows;

    /** Where the JSON report goes. */
    @Parameter(property = "testguard.reportFile", defaultValue = "${project.build.directory}/testguard/report.json")
    private File reportFile;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        PolicySettings settings = policySettings();
        LiveProbe probe = offline ? LiveProbe.OFFLINE : new JdbcLiveProbe(Duration.ofMillis(connectTimeout), project.getBasedir().toPath());
        ProjectLayout layout = layout();
        List<UrlSource> sources = new ArrayList<>(ConfigFileSources.all());
        sources.add(new RuntimeUrlSource());
        Report report;
        try {
            MainDatasource main = new MainDatasourceLocator(sources).resolve(layout, probe).orElse(null);
            Classifier classifier = Classifier.standard(settings, probe, main);
            report = new Verifier(sources, classifier, offline).verify(request(layout));
        } catch (ConfigFileException e) {
            throw new MojoFailureException("testguard cannot check this build: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("testguard: " + e.getMessage());
        }
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
            if (e.classification() == dev.testguard.policy.Classification.UNRESOLVED) {
                getLog().warn("testguard: " + e.url() + " from " + e.source() + " is unresolved: " + e.reason());
            }
        }
        try {
            JsonReport.write(report, reportFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("testguard cannot write its report " + reportFile + ": " + e.getMessage(), e);
        }
        if (report.hasProtected()) {
            throw new MojoFailureException(FailureMessage.of(report, layout.display(reportFile.toPath())));
        }
    }

    private VerifyRequest request(ProjectLayout layout) {
        String phase = mojoExecution == null ? null : mojoExecution.getLifecyclePhase();
        boolean failsafeOnly = phase != null && (phase.equals("pre-integration-test") || phase.equals("integration-test"));
        List<TestPluginExecution> executions = new TestPluginReader(project).read().stream()
                .filter(e -> !failsafeOnly || e.isFailsafe())
                .collect(Collectors.toList());
        BuildProperties build = new BuildProperties(toMap(session.getUserProperties()),
                toMap(project.getProperties()), toMap(session.getSystemProperties()), System.getenv());
        return new VerifyRequest(project.getGroupId() + ":" + project.getArtifactId(), phase == null ? "cli" : phase,
                layout, build, executions, failsafeOnly ? List.of() : new MigrationPluginReader(project).read());
    }

    private ProjectLayout layout() {
        Path basedir = project.getBasedir().toPath();
        Set<String> dependencies = project.getArtifacts().stream()
                .map((Artifact a) -> a.getGroupId() + ":" + a.getArtifactId())
                .collect(Collectors.toSet());
        return new ProjectLayout(basedir,
                Path.of(project.getBuild().getDirectory()),
                project.getResources().stream().map(r -> basedir.resolve(r.getDirectory())).collect(Collectors.toList()),
                project.getTestResources().stream().map(r -> basedir.resolve(r.getDirectory())).collect(Collectors.toList()),
                project.getTestCompileSourceRoots().stream().map(basedir::resolve).collect(Collectors.toList()),
                dependencies);
    }

    private PolicySettings policySettings() {
        PolicySettings settings = PolicySettings.defaults(project.getBasedir().toPath(),
                        Path.of(project.getBuild().getDirectory()), "true".equalsIgnoreCase(System.getenv("CI")))
                .withAllowedHosts(allowedHosts == null ? List.of() : allowedHosts)
                .withAllowDatabases(allowDatabases == null ? List.of() : allowDatabases)
                .plusAllowDatabases(allow)
                .withMaxRows(maxRows);
        return settings.withTokens(
                testTokens == null || testTokens.isEmpty() ? settings.testTokens() : new LinkedHashSet<>(testTokens),
                forbiddenTokens == null || forbiddenTokens.isEmpty() ? settings.forbiddenTokens()
                        : new LinkedHashSet<>(forbiddenTokens));
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
