package dev.testguard.maven;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.provision.ProvisionException;
import dev.testguard.provision.ProvisionRegistry;
import dev.testguard.provision.Provisioner;
import dev.testguard.provision.Releaser;
import dev.testguard.provision.SparePool;
import dev.testguard.reset.BaselineKey;
import dev.testguard.reset.ResetException;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Creates throwaway test databases for this build on a local server and hands their URL to the tests through
 * project properties, the way JaCoCo hands its agent to {@code argLine}: use {@code ${testguard.jdbc.url}} in
 * Surefire's {@code <systemPropertyVariables>}. With {@code forks} > 1 there is one database per Surefire fork and
 * the URL ends in {@code ${surefire.forkNumber}}, which Surefire replaces in each fork. Declare this execution
 * before {@code verify}'s in the POM (same phase): verify then checks the provisioned URL instead of warning about
 * an unresolved property. {@code release} drops them; databases crashed builds left are dropped here. With a
 * baseline on PostgreSQL, ready copies of it ({@code spares}) are renamed instead of copied and new ones are made in
 * the background, which this build awaits ({@link BuildWork}); a provision first awaits what earlier goals of the build
 * left there (a reset making again the spare it took), so that it finds the pool full. Skipped, it
 * defines the properties as empty (when the POM does not define them).
 */
@Mojo(name = "provision", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ProvisionMojo extends AbstractGuardMojo {

    /**
     * The local server to create test databases on, e.g. {@code jdbc:postgresql://localhost:5432/postgres}.
     * {@code -Dtestguard.provisionUrl} is read when the goal runs, not bound by Maven, so {@code mvn -X} never prints a password in it.
     */
    @Parameter
    private String provisionUrl;

    /** Prefix of provisioned database names. */
    @Parameter(property = "testguard.prefix", defaultValue = "tg_")
    private String prefix;

    /** Where this build records the databases it provisioned (release reads it). */
    @Parameter(property = "testguard.registryFile", defaultValue = "${project.build.directory}/testguard/provisioned.json")
    private File registryFile;

    /** Project properties that receive the URL. */
    @Parameter(property = "testguard.properties", defaultValue = "testguard.jdbc.url")
    private List<String> properties;

    /** Also set {@code spring.datasource.url}. */
    @Parameter(property = "testguard.springProperties", defaultValue = "false")
    private boolean springProperties;

    /** How many databases: one per Surefire fork ({@code forkCount}). */
    @Parameter(property = "testguard.forks", defaultValue = "1")
    private int forks;

    /** Databases named like provisioned ones, stamped test and older than this (ISO-8601 duration or hours, e.g. {@code 6h}) are dropped. */
    @Parameter(property = "testguard.leftoverAge", defaultValue = "6h")
    private String leftoverAge;

    /** A database on the provision server whose saved baseline (see reset) each new database is cloned from. */
    @Parameter(property = "testguard.baselineDatabase")
    private String baselineDatabase;

    /**
     * How many ready copies of the baseline to keep (PostgreSQL, with {@code baselineDatabase}): provision renames one
     * per database instead of copying the baseline, then makes new ones in the background, which release (or the end of
     * this project's build) awaits. They are named {@code <baselineDatabase>__tgspare_<k>} and stay between builds;
     * {@code mvn testguard:release -Dtestguard.dropSpares} drops them. Default: as many as {@code forks}; 0: none.
     */
    @Parameter(property = "testguard.spares")
    private Integer spares;

    /**
     * MariaDB: keep the spares as sets already named as provision names its databases, {@code <prefix><time>_<random>_test_<k>}
     * ({@code spares} rounded up to whole sets of {@code forks}): a claim takes a whole set by changing its markers, in
     * constant time. false: single spares, whose tables a claim moves into the new database (one durable write a table).
     */
    @Parameter(property = "testguard.spareSets", defaultValue = "true")
    private boolean spareSets;

    /** As for reset: the files whose content keys the baseline. */
    @Parameter
    private List<File> baselineInputs;

    @Override
    protected void run() throws MojoFailureException {
        if (forks < 1) {
            throw new MojoFailureException("testguard:provision: forks must be 1 or more, not " + forks);
        }
        DatabaseTarget server = ProvisionServer.of(this, provisionUrl);
        Path basedir = project.getBasedir().toPath();
        ProvisionRegistry registry = new ProvisionRegistry(registryFile.toPath());
        try {
            Set<String> ours = registry.read().stream().map(d -> d.name()).collect(Collectors.toSet());
            List<String> cleaned = new Releaser(server, prefix, Clock.systemUTC(), registry).cleanLeftovers(age(), ours);
            cleaned.forEach(n -> getLog().info("testguard:provision dropped " + n + ", left by an earlier build"));
            DatabaseTarget baselineOf = blankToNull(baselineDatabase) == null ? null
                    : dev.testguard.db.DatabaseAdmins.forTarget(server).sibling(baselineDatabase.trim());
            List<Path> inputs = new ArrayList<>(baselineInputs == null || baselineInputs.isEmpty()
                    ? List.of(Path.of("src/main/resources/db/migration")) : baselineInputs.stream().map(File::toPath).toList());
            Provisioner.Result result = new Provisioner(server, prefix, Clock.systemUTC(), registry,
                    project.getGroupId() + ":" + project.getArtifactId(), basedir, new DestructiveGuard("provision", maxRows, null))
                    .withSpares(spares == null ? forks : spares)
                    .withSpareSets(spareSets)
                    .withBackgroundWork(BuildWork.of(project, session, getLog()))
                    .provision(forks, baselineOf, BaselineKey.of(basedir, inputs), classifier(sources(), probe(), layout()));
            List<String> names = propertyNames();
            for (String name : names) {
                project.getProperties().setProperty(name, result.url());
            }
            getLog().info("testguard:provision created " + result.databases().size() + " test database(s) "
                    + (result.fromBaseline() == null ? "(empty)" : "from the baseline of " + baselineDatabase
                    + (result.refill() == null ? "" : " (" + result.fromSpares() + " ready spare copies)"))
                    + " in " + result.millis() + " ms: " + dev.testguard.jdbc.Secrets.maskUrl(result.url()) + " -> " + names);
            refillInBackground(result.refill());
            if (baselineOf != null && result.fromBaseline() == null) {
                getLog().warn("testguard: no fresh baseline of " + baselineDatabase + ": the databases are empty. Save one with"
                        + " mvn testguard:reset -Dtestguard.url=<its url> -Dtestguard.baseline=save");
            }
        } catch (ProvisionException | ResetException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("testguard:provision: " + e.getMessage(), e);
        }
    }

    /** The build, not the JVM, owns the refill: release or the end of this project's build awaits it and logs it. */
    private void refillInBackground(SparePool pool) {
        if (pool != null) {
            BuildWork.start(project, session, getLog(), "prepare spare copies of " + baselineDatabase,
                    () -> pool.refill().describe(baselineDatabase));
        }
    }

    /**
     * Skipped, no database is made, but the properties are still defined (as empty, unless the POM gives them a value),
     * as JaCoCo does for {@code argLine}: else Surefire hands the tests the literal {@code ${testguard.jdbc.url}}.
     */
    @Override
    protected void skipped() {
        List<String> defined = new ArrayList<>();
        for (String name : propertyNames()) {
            if (project.getProperties().getProperty(name) == null) {
                project.getProperties().setProperty(name, "");
                defined.add(name);
            }
        }
        if (!defined.isEmpty()) {
            getLog().warn("testguard:provision made no database: " + String.join(", ", defined) + " defined as empty");
        }
    }

    private List<String> propertyNames() {
        List<String> names = new ArrayList<>(properties == null || properties.isEmpty() ? List.of("testguard.jdbc.url") : properties);
        if (springProperties) {
            names.add("spring.datasource.url");
        }
        return names;
    }

    private Duration age() throws MojoFailureException {
        String v = leftoverAge.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.matches("\\d+h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            if (v.matches("\\d+m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.parse(leftoverAge.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new MojoFailureException("testguard:provision: leftoverAge '" + leftoverAge + "' is not a duration: use e.g. 6h, 30m or PT6H", e);
        }
    }
}
