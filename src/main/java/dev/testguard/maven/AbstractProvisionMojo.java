package dev.testguard.maven;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.provision.ProvisionRegistry;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What provision and release share: the server, the name prefix and the registry of this build's databases. */
public abstract class AbstractProvisionMojo extends AbstractGuardMojo {

    /** The local server to create test databases on, e.g. {@code jdbc:postgresql://localhost:5432/postgres}. Credentials: testguard.username/password or serverId. */
    @Parameter(property = "testguard.provisionUrl")
    protected String provisionUrl;

    /** Prefix of provisioned database names. */
    @Parameter(property = "testguard.prefix", defaultValue = "tg_")
    protected String prefix;

    /** Where this build records the databases it provisioned. */
    @Parameter(property = "testguard.registryFile", defaultValue = "${project.build.directory}/testguard/provisioned.json")
    protected File registryFile;

    protected DatabaseTarget server() throws MojoFailureException {
        if (blankToNull(provisionUrl) == null) {
            throw new MojoFailureException("testguard:" + goal() + " needs the server to create test databases on: set"
                    + " <provisionUrl>jdbc:postgresql://localhost:5432/postgres</provisionUrl> in the plugin configuration,"
                    + " or -Dtestguard.provisionUrl=...");
        }
        try {
            return new DatabaseTarget(JdbcUrlParser.parse(provisionUrl.trim()), explicitCredentials());
        } catch (JdbcUrlException e) {
            throw new MojoFailureException("testguard:" + goal() + ": provisionUrl: " + e.getMessage(), e);
        }
    }

    protected ProvisionRegistry registry() {
        return new ProvisionRegistry(registryFile.toPath());
    }
}
