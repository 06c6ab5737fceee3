package dev.testguard.backup;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A step that runs on its own daemon thread beside the caller's (e.g. row counts beside {@code pg_dump}), and whose
 * result, or exception, the caller collects when it needs it.
 *
 * @param <T> the step's result
 */
public final class Beside<T> {

    /** A step that may throw the checked exceptions of this package's work. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws Exception;
    }

    private final FutureTask<T> task;
    private final Thread thread;
    private volatile long nanos;

    private Beside(String name, Step<T> step) {
        Callable<T> timed = () -> {
            long t0 = System.nanoTime();
            try {
                return step.run();
            } finally {
                nanos = System.nanoTime() - t0;
            }
        };
        this.task = new FutureTask<>(timed);
        this.thread = new Thread(task, "testguard-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code step} now on a thread named {@code testguard-<name>}. */
    public static <T> Beside<T> start(String name, Step<T> step) {
        return new Beside<>(name, step);
    }

    /** Starts {@code step}, which returns nothing, now on a thread named {@code testguard-<name>}. */
    public static Beside<Void> run(String name, Runnable step) {
        return start(name, () -> {
            step.run();
            return null;
        });
    }

    /** Waits for the step and returns its result; its exception is rethrown as it was when it is one of {@code E}. */
    public <E extends Exception> T get(Class<E> thrown) throws E {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (thrown.isInstance(cause)) {
                throw thrown.cast(cause);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.toString(), cause);
        }
    }

    /** Waits for the step, ignoring its outcome (collect that later with {@link #get}). */
    public void await() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by get
        }
    }

    /** Interrupts the step (a tool it waits for is killed, see ExternalTool) and waits until it has ended. */
    public void stop() {
        thread.interrupt();
        await();
    }

    /** How long the step ran; meaningful once it is done. */
    public long nanos() {
        return nanos;
    }
}
