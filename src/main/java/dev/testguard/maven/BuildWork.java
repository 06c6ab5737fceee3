package dev.testguard.maven;

import java.util.ArrayList;
import java.util.List;
import dev.testguard.work.BackgroundWork;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Background work a goal hands to the build that runs it, never to the JVM (refilling the pool of spare copies after
 * provision, the next baseline copy after a reset). It runs on its own thread while the build goes on (the tests, typically) and is kept in the project's
 * context, which lives as long as this build: a later goal of the build ({@code release}) awaits it and logs what it
 * did, and a listener on the session awaits whatever no goal did when the project's build ends (failed tests stop it
 * before release) or the session does; a later reset of the build awaits it before touching the databases. No JVM shutdown hook and no static pool: under mvnd or embedded Maven the work
 * ends with the build that started it, while the plugin's classes are still loaded.
 */
final class BuildWork {

    private static final String KEY = BuildWork.class.getName() + ".pending";

    /** One piece of work: {@code describe} names it in the log. */
    private record Pending(String describe, FutureTask<String> task, Log log) {
    }

    private BuildWork() {
    }

    /** This build's work for {@code project}, for the domain classes ({@code reset}): started and awaited as {@link #start}. */
    static BackgroundWork of(MavenProject project, MavenSession session, Log log) {
        return new BackgroundWork() {
            @Override
            public void start(String describe, Callable<String> task) {
                BuildWork.start(project, session, log, describe, task);
            }

            @Override
            public void awaitAll() {
                BuildWork.awaitAll(project);
            }
        };
    }

    /** Starts {@code task} (its result is logged when it is awaited) and makes this build await it. */
    static void start(MavenProject project, MavenSession session, Log log, String describe, Callable<String> task) {
        FutureTask<String> future = new FutureTask<>(task);
        synchronized (project) {
            pending(project).add(new Pending(describe, future, log));
        }
        BuildWorkListener.registerOnce(session);
        Thread thread = new Thread(future, "testguard-" + project.getArtifactId() + "-" + describe.replace(' ', '-'));
        thread.setDaemon(true); // the build awaits it; a killed build must not be held up by it
        thread.start();
    }

    /** Waits for the work this build started for {@code project} and logs its outcome through Maven; failures are warnings. */
    static void awaitAll(MavenProject project) {
        List<Pending> work;
        synchronized (project) {
            work = new ArrayList<>(pending(project));
            pending(project).clear();
        }
        for (Pending p : work) {
            if (!p.task().isDone()) {
                p.log().info("testguard: waiting to " + p.describe() + " (started by an earlier goal of this build)");
            }
            try {
                String done = p.task().get();
                if (done != null) {
                    p.log().info("testguard: " + done);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.log().warn("testguard: interrupted while waiting to " + p.describe());
                return;
            } catch (ExecutionException e) {
                p.log().warn(BackgroundWork.failed(p.describe(), e.getCause()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Pending> pending(MavenProject project) {
        Object value = project.getContextValue(KEY);
        if (value instanceof List<?> list) {
            return (List<Pending>) list;
        }
        List<Pending> created = new ArrayList<>();
        project.setContextValue(KEY, created);
        return created;
    }
}
