package dev.testguard.maven;

import dev.testguard.discovery.BuildPlan;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.MavenConfigFile;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.JdbcLiveProbe;
import dev.testguard.probe.LiveProbe;
import dev.testguard.verify.MainDatasourceLocator;
import dev.testguard.verify.VerifyRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The classification parameters, live checks and project reading shared by the goals that must decide whether a
 * database is a test database: verify, reset and provision.
 */
public abstract class AbstractGuardMojo extends AbstractDatabaseMojo {

    /** Skips every live connection (stamp, data volume, server identity): for hooks and offline machines. */
    @Parameter(property = "testguard.offline", defaultValue = "false")
    protected boolean offline;

    /** How long a live check may wait for a database to answer, in milliseconds. */
    @Parameter(property = "testguard.connectTimeout", defaultValue = "2000")
    protected int connectTimeout;

    /** Tokens of which a test database name must hold at least one. Default: {@code test, tests, testing}. */
    @Parameter(property = "testguard.testTokens")
    protected List<String> testTokens;

    /**
     * Tokens a test database name must not hold. Default: {@code prod, production, prd, live, dev, develop,
     * development, staging, stage, uat, preprod, master, main}.
     */
    @Parameter(property = "testguard.forbiddenTokens")
    protected List<String> forbiddenTokens;

    /** Hosts besides loopback and unix sockets where test databases may live, e.g. {@code db.test.internal} or {@code *.ci.local}. */
    @Parameter(property = "testguard.allowedHosts")
    protected List<String> allowedHosts;

    /**
     * Exact databases allowed despite failing the name, host, data or identity rules: {@code host:port/db}
     * ({@code host/db} for the default port), or an absolute path for a file database. Each use is logged as a
     * warning and recorded in the report. Never lifts a {@code protected} stamp.
     */
    @Parameter
    protected List<String> allowDatabases;

    /** Like {@code allowDatabases}, from the command line: comma-separated {@code host:port/db}. */
    @Parameter(property = "testguard.allow")
    protected String allow;

    /** An unstamped reachable database holding more rows than this (estimated) is treated as real data. */
    @Parameter(property = "testguard.maxRows", defaultValue = "10000")
    protected long maxRows;

    /** Tells which executions the requested phases will run: only those are checked. */
    @Component
    protected LifecycleExecutor lifecycleExecutor;

    protected List<UrlSource> sources() {
        return ProjectReading.sources();
    }

    protected LiveProbe probe() {
        return offline ? LiveProbe.OFFLINE : new JdbcLiveProbe(Duration.ofMillis(connectTimeout), project.getBasedir().toPath());
    }

    /** The classifier with every rule, including "not the application's own database". */
    protected Classifier classifier(List<UrlSource> sources, LiveProbe probe, ProjectLayout layout) throws MojoFailureException {
        try {
            MainDatasourceLocator locator = new MainDatasourceLocator(sources);
            return Classifier.standardFindingMain(policySettings(), probe, () -> locator.resolve(layout, probe).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("testguard: " + e.getMessage(), e);
        }
    }

    protected PolicySettings policySettings() {
        return ProjectReading.settings(project, "true".equalsIgnoreCase(System.getenv("CI")), testTokens, forbiddenTokens)
                .withAllowedHosts(allowedHosts == null ? List.of() : allowedHosts)
                .withAllowDatabases(allowDatabases == null ? List.of() : allowDatabases)
                .plusAllowDatabases(allow)
                .withMaxRows(maxRows);
    }

    protected ProjectLayout layout() {
        return ProjectReading.layout(project);
    }

    /** What the test runs of this build will see; with {@code failsafeOnly}, Failsafe's alone. */
    protected VerifyRequest request(ProjectLayout layout, boolean failsafeOnly) {
        String phase = mojoExecution == null ? null : mojoExecution.getLifecyclePhase();
        BuildPlan plan = BuildPlans.of(lifecycleExecutor, session, getLog());
        getLog().debug("testguard: build plan: " + plan);
        List<TestPluginExecution> executions = new TestPluginReader(project, plan).read().stream()
                .filter(e -> !failsafeOnly || e.isFailsafe())
                .collect(Collectors.toList());
        Map<String, String> userProperties = toMap(session.getUserProperties());
        java.io.File root = session.getRequest().getMultiModuleProjectDirectory();
        BuildProperties build = new BuildProperties(userProperties, toMap(project.getProperties()),
                toMap(session.getSystemProperties()), System.getenv(),
                MavenConfigFile.origins(root == null ? null : root.toPath(), userProperties));
        return new VerifyRequest(project.getGroupId() + ":" + project.getArtifactId(), phase == null ? "cli" : phase,
                layout, build, executions, failsafeOnly ? List.of() : new MigrationPluginReader(project, plan, build).read());
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }
}
