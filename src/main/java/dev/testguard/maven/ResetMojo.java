package dev.testguard.maven;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.UrlSource;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.reset.BaselineKey;
import dev.testguard.reset.BaselineMode;
import dev.testguard.reset.ResetException;
import dev.testguard.reset.ResetGuard;
import dev.testguard.reset.ResetOptions;
import dev.testguard.reset.ResetOutcome;
import dev.testguard.reset.Resetter;
import dev.testguard.verify.TestUrlCollector;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Resets the project's test database(s) (those {@code verify} finds) or the one named by {@code -Dtestguard.url}:
 * {@code mvn testguard:reset}. Every target is classified first with every rule; if one is not TEST or EPHEMERAL
 * the goal fails with the reason and nothing is touched. Then each is emptied (or restored from its baseline), the
 * init scripts run, and it is stamped {@code test}. {@code -Dtestguard.baseline=save} captures the current state as
 * the baseline instead. The next baseline copy is prepared in the background, owned by this build ({@link BuildWork}):
 * the tests overlap it, and the build awaits it before it ends.
 */
@Mojo(name = "reset", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ResetMojo extends AbstractGuardMojo {

    /**
     * The one database to reset instead of the project's test databases, e.g. {@code -Dtestguard.url=jdbc:postgresql://localhost/app_test}.
     * The {@code -D} form is read when the goal runs, not bound by Maven, so {@code mvn -X} never prints a password in it.
     */
    @Parameter
    private String url;

    /** SQL files run in order after an empty reset, relative to the project directory. */
    @Parameter
    private List<File> initScripts;

    /** {@code save}: capture the current state as the baseline; {@code use} (default): restore it; {@code ignore}: empty reset. */
    @Parameter(property = "testguard.baseline", defaultValue = "use")
    private String baseline;

    /** Files and directories whose content keys the baseline: when they change, the baseline is stale. The init scripts always count. */
    @Parameter
    private List<File> baselineInputs;

    /** The database's name, repeated to reset one that is not stamped {@code test} and holds more than maxRows rows, or passed only by an override. */
    @Parameter(property = "testguard.confirm")
    private String confirm;

    @Override
    protected void run() throws MojoFailureException {
        Path basedir = project.getBasedir().toPath();
        try {
            BaselineMode mode = BaselineMode.parse(baseline);
            List<Path> scripts = initScripts == null ? List.of() : initScripts.stream().map(File::toPath).toList();
            List<Path> inputs = new ArrayList<>(baselineInputs == null || baselineInputs.isEmpty()
                    ? List.of(Path.of("src/main/resources/db/migration")) : baselineInputs.stream().map(File::toPath).toList());
            inputs.addAll(scripts);
            ResetOptions options = new ResetOptions(mode, scripts, BaselineKey.of(basedir, inputs));
            ProjectLayout layout = layout();
            List<UrlSource> sources = sources();
            ResetGuard.Approval approval = new ResetGuard(classifier(sources, probe(), layout)).approve(candidates(sources, layout));
            approval.skipped().forEach(s -> getLog().info("testguard:reset skips " + s));
            approval.overrides().forEach((t, o) -> getLog().warn("testguard: OVERRIDE in use for " + t.url().masked() + ": "
                    + String.join(", ", o) + " (reset acts on it only if it is stamped test or -Dtestguard.confirm names it)"));
            if (approval.targets().isEmpty()) {
                throw new MojoFailureException("testguard:reset found no test database to reset in this project's test"
                        + " configuration. Name one: mvn testguard:reset -Dtestguard.url=jdbc:postgresql://localhost:5432/app_test");
            }
            Resetter resetter = new Resetter(basedir, project.getGroupId() + ":" + project.getArtifactId(), Clock.systemUTC(),
                    new DestructiveGuard("reset", maxRows, blankToNull(confirm)))
                    .withBackgroundWork(BuildWork.of(project, session, getLog()));
            for (var target : approval.targets()) {
                ResetOutcome outcome = resetter.reset(target, options, approval.overridesOf(target));
                getLog().info("testguard:reset " + outcome.database() + ": " + outcome.action() + " in " + outcome.millis() + " ms");
                if (outcome.warning() != null) {
                    getLog().warn("testguard: " + outcome.warning());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("testguard:reset: " + e.getMessage(), e);
        } catch (ResetException | ConfigFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private List<DiscoveredUrl> candidates(List<UrlSource> sources, ProjectLayout layout) throws MojoFailureException {
        String given = urlParameter(url, "testguard.url");
        if (given != null) {
            return List.of(DiscoveredUrl.of("testguard.url", given, Provenance.commandLine("testguard.url"), null)
                    .withCredentials(explicitCredentials()));
        }
        List<DiscoveredUrl> found = new ArrayList<>();
        for (TestUrlCollector.Found f : new TestUrlCollector(sources).collect(request(layout, false)).urls()) {
            found.add(f.url());
        }
        return found;
    }
}
