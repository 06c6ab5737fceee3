package dev.testguard.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where a domain class hands work that may follow it instead of delaying it (the next spare copy of a baseline, dropping
 * a database a reset replaced). The owner decides when it runs, when it is awaited and where its outcome is logged: in
 * a build, the build that started it (never the JVM: no static pool, no shutdown hook); in plain use and tests,
 * {@link #inline}. Failures are harmless: without a ready spare the next reset or provision copies the template itself.
 */
public interface BackgroundWork {

    /**
     * Runs {@code task}, now or later, and reports its outcome where the owner logs.
     *
     * @param describe what the task does, as "prepare the next baseline copy of X": named in the warning if it fails
     * @param task     returns a line saying what it did (logged when it is awaited), or null for nothing to say
     */
    void start(String describe, Callable<String> task);

    /** Waits for everything started through this owner so far (a reset waits before touching the same databases again). */
    void awaitAll();

    /** Runs each task at once, on the caller's thread; a failure goes to {@code warnings} (a log), never thrown. */
    static BackgroundWork inline(Consumer<String> warnings) {
        return new BackgroundWork() {
            @Override
            public void start(String describe, Callable<String> task) {
                try {
                    task.call();
                } catch (Exception | LinkageError e) {
                    warnings.accept(failed(describe, e));
                }
            }

            @Override
            public void awaitAll() {
                // nothing is ever pending
            }
        };
    }

    /** {@link #inline}, failures logged through the platform logger (plain use without a build). */
    static BackgroundWork inline() {
        System.Logger logger = System.getLogger("dev.testguard");
        return inline(message -> logger.log(System.Logger.Level.WARNING, message));
    }

    /** The one line a failed task is reported with. */
    static String failed(String describe, Throwable cause) {
        return "testguard: could not " + describe + " (the next reset or provision copies the baseline instead): " + cause;
    }
}
