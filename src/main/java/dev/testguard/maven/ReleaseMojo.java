package dev.testguard.maven;

import dev.testguard.provision.ProvisionException;
import dev.testguard.provision.Releaser;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Drops the test databases {@code provision} created for this build (listed in
 * {@code target/testguard/provisioned.json}). Bound to {@code post-integration-test}; safe to run alone
 * ({@code mvn testguard:release}) and more than once. Never drops a database whose stamp is no longer {@code test}.
 */
@Mojo(name = "release", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class ReleaseMojo extends AbstractProvisionMojo {

    @Override
    protected void run() throws MojoFailureException {
        try {
            if (registry().read().isEmpty()) {
                getLog().info("testguard:release: no provisioned database to drop");
                return;
            }
            List<String> released = new Releaser(server(), prefix, Clock.systemUTC(), registry()).release();
            getLog().info("testguard:release dropped " + released.size() + " test database(s): " + String.join(", ", released));
        } catch (ProvisionException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
