package dev.testguard.maven;

import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Wraps the session's execution listener: when a project's build ends (succeeded or failed) and when the session ends,
 * awaits the {@link BuildWork} no goal awaited. Every event is passed on to the wrapped listener first.
 */
final class BuildWorkListener extends DelegatingExecutionListener {

    private BuildWorkListener(ExecutionListener delegate) {
        super(delegate);
    }

    /** Wraps the session's listener once per session. */
    static void registerOnce(MavenSession session) {
        synchronized (session.getRequest()) {
            ExecutionListener current = session.getRequest().getExecutionListener();
            if (!inChain(current, BuildWorkListener.class)) {
                session.getRequest().setExecutionListener(new BuildWorkListener(current));
            }
        }
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        super.projectSucceeded(event);
        BuildWork.awaitAll(event.getProject());
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        super.projectFailed(event);
        BuildWork.awaitAll(event.getProject());
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        if (event.getSession() != null) {
            for (MavenProject project : event.getSession().getProjects()) {
                BuildWork.awaitAll(project);
            }
        }
        super.sessionEnded(event);
    }
}
