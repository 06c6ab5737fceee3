package dev.testguard.maven;

import dev.testguard.provision.ProvisionException;
import dev.testguard.provision.ProvisionRegistry;
import dev.testguard.provision.Releaser;
import java.io.File;
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

    @Override
    protected void run() throws MojoFailureException {
        ProvisionRegistry registry = new ProvisionRegistry(registryFile.toPath());
        try {
            if (registry.read().isEmpty()) {
                getLog().info("testguard:release: no provisioned database to drop");
                return;
            }
            List<String> released = new Releaser(ProvisionServer.of(urlParameter(provisionUrl, "testguard.provisionUrl"), goal(), explicitCredentials()), prefix,
                    Clock.systemUTC(), registry).release();
            getLog().info("testguard:release dropped " + released.size() + " test database(s): " + String.join(", ", released));
        } catch (ProvisionException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
