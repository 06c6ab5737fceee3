package dev.testguard.maven;

import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import dev.testguard.provision.ProvisionException;
import dev.testguard.provision.ProvisionRegistry;
import dev.testguard.provision.Releaser;
import dev.testguard.provision.SparePool;
import java.io.File;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Drops the test databases {@code provision} created for this build (listed in
 * {@code target/testguard/provisioned.json}). Bound to {@code post-integration-test}; safe to run alone
 * ({@code mvn testguard:release}) and more than once. Never drops a database whose stamp is no longer {@code test}.
 * It waits for the spare copies provision is preparing in the background, and drops the pool only when asked.
 */
@Mojo(name = "release", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class ReleaseMojo extends AbstractDatabaseMojo {

    /**
     * The server provision created the databases on, e.g. {@code jdbc:postgresql://localhost:5432/postgres}.
     * {@code -Dtestguard.provisionUrl} is read when the goal runs, not bound by Maven, so {@code mvn -X} never prints a password in it.
     */
    @Parameter
    private String provisionUrl;

    /** Prefix of provisioned database names: only databases named so are dropped. */
    @Parameter(property = "testguard.prefix", defaultValue = "tg_")
    private String prefix;

    /** Where provision recorded the databases of this build. */
    @Parameter(property = "testguard.registryFile", defaultValue = "${project.build.directory}/testguard/provisioned.json")
    private File registryFile;

    /**
     * Also drop the ready copies provision keeps of the baseline of {@code baselineDatabase} (those marked as testguard
     * spares; a database merely named like one is left alone). Off by default: spares serve the next builds.
     */
    @Parameter(property = "testguard.dropSpares", defaultValue = "false")
    private boolean dropSpares;

    /** The database whose spare copies {@code dropSpares} drops. */
    @Parameter(property = "testguard.baselineDatabase")
    private String baselineDatabase;

    /** Awaits the work provision left to this build (new spare copies), even when dropping fails. */
    @Override
    protected void run() throws MojoFailureException {
        try {
            release();
        } finally {
            BuildWork.awaitAll(project);
        }
        if (dropSpares) {
            dropSpares();
        }
    }

    private void release() throws MojoFailureException {
        ProvisionRegistry registry = new ProvisionRegistry(registryFile.toPath());
        try {
            if (registry.read().isEmpty()) {
                getLog().info("testguard:release: no provisioned database to drop");
                return;
            }
            List<String> released = new Releaser(ProvisionServer.of(this, provisionUrl), prefix, Clock.systemUTC(), registry).release();
            getLog().info("testguard:release dropped " + released.size() + " test database(s): " + String.join(", ", released));
        } catch (ProvisionException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private void dropSpares() throws MojoFailureException {
        if (blankToNull(baselineDatabase) == null) {
            throw new MojoFailureException("testguard:release -Dtestguard.dropSpares needs the database whose spare copies"
                    + " to drop: -Dtestguard.baselineDatabase=<name> (as given to provision)");
        }
        DatabaseTarget server = ProvisionServer.of(this, provisionUrl);
        if (!SparePool.supports(server)) {
            getLog().info("testguard:release: no spare copies on " + server + " (only PostgreSQL and MariaDB keep them)");
            return;
        }
        try {
            List<String> dropped = SparePool.drop(server, DatabaseAdmins.forTarget(server).sibling(baselineDatabase.trim()),
                    prefix);
            getLog().info("testguard:release dropped " + dropped.size() + " spare copies of " + baselineDatabase
                    + (dropped.isEmpty() ? "" : ": " + String.join(", ", dropped)));
        } catch (SQLException e) {
            throw new MojoFailureException("testguard:release could not drop the spare copies of " + baselineDatabase + " on "
                    + server + ": " + Secrets.maskText(e.getMessage(), server.effectiveCredentials())
                    + ". Run it again, or drop the databases named " + baselineDatabase + "__tgspare_<k> (and, on MariaDB, "
                    + prefix + "<time>_<random>_test[_<k>] holding a testguard_pool_set table) by hand.", e);
        }
    }
}
