package dev.testguard.reset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Work that can follow a reset instead of delaying it: preparing the next spare copy of a baseline, dropping the
 * database a reset replaced. It runs on one background thread while the build goes on (the tests typically run
 * next); before the JVM exits it is waited for, so a standalone {@code mvn testguard:reset} still finishes it.
 * Failures are harmless: without a ready spare the next reset simply copies the template itself.
 */
final class Housekeeping {

    private static final long EXIT_WAIT_SECONDS = 120;
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "testguard-housekeeping");
        t.setDaemon(true);
        return t;
    });
    private static final List<Future<?>> PENDING = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Housekeeping::awaitAll, "testguard-housekeeping-exit"));
    }

    /** A piece of background work; {@code describe} names it in the one line printed if it fails. */
    interface Task {
        void run() throws Exception;
    }

    private Housekeeping() {
    }

    static void submit(String describe, Task task) {
        synchronized (PENDING) {
            PENDING.removeIf(Future::isDone);
            PENDING.add(EXECUTOR.submit(() -> {
                try {
                    task.run();
                } catch (Exception | LinkageError e) {
                    System.err.println("testguard: could not " + describe + " (the next reset will take longer): "
                            + e);
                }
            }));
        }
    }

    /** Waits for all background work submitted so far (a reset waits before touching the same databases again). */
    static void awaitAll() {
        List<Future<?>> pending;
        synchronized (PENDING) {
            pending = new ArrayList<>(PENDING);
        }
        for (Future<?> f : pending) {
            try {
                f.get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // reported by the task itself; a spare that is not ready is simply not used
            }
        }
    }
}
