package dev.testguard.maven;

import dev.testguard.runtime.arm.RuntimeVerdict;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Wraps the session's execution listener: after {@code surefire:test} and {@code failsafe:integration-test} of a
 * project the verify goal armed, runs the runtime check and fails that project's build when a connection was
 * refused or a test JVM ran unguarded. A Failsafe failure waits for {@code failsafe:verify} when the build will run
 * it, so post-integration-test (servers stopped, provisioned databases released) still happens. Every event is
 * passed on to the wrapped listener first.
 */
final class RuntimeGuardListener extends DelegatingExecutionListener {

    private static final String PLUGINS = "org.apache.maven.plugins";
    private static final String DEFERRED = "dev.testguard.runtime.deferredFailure";

    private final Log log;

    private RuntimeGuardListener(ExecutionListener delegate, Log log) {
        super(delegate);
        this.log = log;
    }

    /** Wraps the session's listener once per session, wherever it sits in the chain of wrapped listeners. */
    static void registerOnce(MavenSession session, Log log) {
        synchronized (session.getRequest()) {
            ExecutionListener current = session.getRequest().getExecutionListener();
            if (inChain(current, RuntimeGuardListener.class)) {
                return;
            }
            session.getRequest().setExecutionListener(new RuntimeGuardListener(current, log));
        }
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        super.mojoSucceeded(event);
        afterMojo(event, null);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        super.mojoFailed(event);
        afterMojo(event, event.getException());
    }

    private void afterMojo(ExecutionEvent event, Exception mojoFailure) {
        MavenProject project = event.getProject();
        MojoExecution mojo = event.getMojoExecution();
        if (mojo == null || !RuntimeGuardCheck.isArmed(project) || !PLUGINS.equals(mojo.getGroupId())) {
            return;
        }
        String plugin = mojo.getArtifactId();
        String goal = mojo.getGoal();
        if ("maven-failsafe-plugin".equals(plugin) && "verify".equals(goal)
                && project.getContextValue(DEFERRED) instanceof String deferred) {
            project.setContextValue(DEFERRED, null);
            throw new RuntimeGuardFailure(deferred, mojoFailure);
        }
        boolean surefire = "maven-surefire-plugin".equals(plugin) && "test".equals(goal);
        boolean failsafe = "maven-failsafe-plugin".equals(plugin) && "integration-test".equals(goal);
        if (!surefire && !failsafe) {
            return;
        }
        RuntimeVerdict verdict = RuntimeGuardCheck.run(project, List.of(reportsDirectory(event, failsafe)), log);
        if (!verdict.failed()) {
            return;
        }
        // Maven appends the cause's message to the last line: "<plugin> failed too: <its message>"
        String message = verdict.failureMessage() + (mojoFailure == null ? "" : "\n" + plugin + " failed too");
        if (failsafe && mojoFailure == null && willVerify(event.getSession(), project)) {
            log.error("testguard: the build fails at failsafe:verify, after post-integration-test");
            project.setContextValue(DEFERRED, message);
            return;
        }
        throw new RuntimeGuardFailure(message, mojoFailure);
    }

    /** The execution's {@code reportsDirectory}, as the plugin itself evaluates it. */
    static Path reportsDirectory(ExecutionEvent event, boolean failsafe) {
        MojoExecution mojo = event.getMojoExecution();
        Xpp3Dom parameter = mojo.getConfiguration() == null ? null : mojo.getConfiguration().getChild("reportsDirectory");
        String expression = parameter == null ? null
                : parameter.getValue() != null ? parameter.getValue() : parameter.getAttribute("default-value");
        Path fallback = Path.of(event.getProject().getBuild().getDirectory(),
                failsafe ? "failsafe-reports" : "surefire-reports");
        if (expression == null) {
            return fallback;
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(event.getSession(), mojo).evaluate(expression, File.class);
            return value == null ? fallback : event.getProject().getBasedir().toPath().resolve(value.toString());
        } catch (Exception e) {
            return fallback;
        }
    }

    /** The project binds failsafe:verify and the build goes at least to the verify phase. */
    private static boolean willVerify(MavenSession session, MavenProject project) {
        boolean phase = session.getGoals().stream().anyMatch(g -> List.of("verify", "install", "deploy").contains(g));
        Plugin failsafe = project.getPlugin("org.apache.maven.plugins:maven-failsafe-plugin");
        return phase && failsafe != null
                && failsafe.getExecutions().stream().anyMatch(e -> e.getGoals().contains("verify"));
    }
}
