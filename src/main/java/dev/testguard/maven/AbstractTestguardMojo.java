package dev.testguard.maven;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.Secrets;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every testguard goal shares: {@code skip} and the Maven plumbing. Each goal declares only the parameters it
 * reads (checked by GoalParametersTest against the generated plugin.xml); it hands the work to a plain class.
 */
public abstract class AbstractTestguardMojo extends AbstractMojo {

    /** Skips this goal. testguard says so loudly, because a skipped guard protects nothing. */
    @Parameter(property = "testguard.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().warn("==========================================================================");
            getLog().warn("testguard:" + goal() + " is SKIPPED (testguard.skip=true).");
            getLog().warn("Nothing protects this build's databases: tests may touch any database.");
            getLog().warn("==========================================================================");
            skipped();
            return;
        }
        try {
            run();
        } catch (ConfigFileException e) {
            // a goal that reads project files without its own wording (backup, provision...): the message, and the
            // cause for -e
            throw new MojoFailureException("testguard cannot read a project file: " + e.getMessage(), e);
        }
    }

    /** What a skipped goal still owes the build (verify: an empty argLine property, as JaCoCo's skip). */
    protected void skipped() {
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected String goal() {
        return mojoExecution == null ? "?" : mojoExecution.getGoal();
    }

    /**
     * Credentials given on the command line or through settings.xml; {@link Credentials#NONE} when neither. The
     * password is read here, at execution time ({@link CommandLinePassword}), never from a mojo parameter.
     */
    protected Credentials credentials(String username, String serverId) throws MojoFailureException {
        Credentials direct = new Credentials(blankToNull(username), blankToNull(commandLinePassword()));
        if (serverId == null || serverId.isBlank()) {
            return direct;
        }
        return direct.orElse(serverCredentials(serverId.trim()));
    }

    /**
     * A URL parameter: its value in the POM ({@code configured}), else {@code -D<property>} read now, else the project
     * property of that name (Maven's own order for a parameter's property), or null. A URL may carry a password
     * ({@code ?password=}, {@code user:secret@}), and Maven prints every value it binds to a parameter under
     * {@code mvn -X} ({@code (f) url = ...}): a {@code -D} value is therefore not bound, only read.
     */
    protected String urlParameter(String configured, String property) {
        if (blankToNull(configured) != null) {
            return configured.trim();
        }
        String given = CommandLinePassword.value(session == null ? null : session.getUserProperties(),
                session == null ? System.getProperties() : session.getSystemProperties(), property);
        return given != null || project == null ? given : CommandLinePassword.value(project.getProperties(), null, property);
    }

    private String commandLinePassword() {
        return CommandLinePassword.of(session == null ? null : session.getUserProperties(),
                session == null ? System.getProperties() : session.getSystemProperties(), System.getenv());
    }

    /** The username and (decrypted) password of {@code <server id=serverId>} in settings.xml. */
    protected Credentials serverCredentials(String serverId) throws MojoFailureException {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("testguard: no <server> with id '" + serverId
                    + "' in settings.xml. Add one under <servers> in ~/.m2/settings.xml, or pass"
                    + " -Dtestguard.username and -Dtestguard.password (or the TESTGUARD_PASSWORD environment variable) instead.");
        }
        if (settingsDecrypter != null) {
            SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoFailureException("testguard: cannot decrypt the password of <server> '" + serverId
                            + "' in settings.xml: " + Secrets.maskText(problem.getMessage(), server.getPassword())
                            + ". Check ~/.m2/settings-security.xml (see https://maven.apache.org/guides/mini/guide-encryption.html).");
                }
            }
            server = result.getServer();
        }
        return new Credentials(blankToNull(server.getUsername()), blankToNull(server.getPassword()));
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
