package dev.testguard.reset;

import dev.testguard.work.BackgroundWork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A test's owner of background work: one thread of its own, its outcomes and failures kept for assertions. */
public final class ThreadedWork implements BackgroundWork, AutoCloseable {

    public final List<String> done = Collections.synchronizedList(new ArrayList<>());
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<Future<?>> pending = new ArrayList<>();

    @Override
    public synchronized void start(String describe, Callable<String> task) {
        pending.add(executor.submit(() -> {
            try {
                done.add(String.valueOf(task.call()));
            } catch (Exception | LinkageError e) {
                warnings.add(BackgroundWork.failed(describe, e));
            }
        }));
    }

    @Override
    public void awaitAll() {
        List<Future<?>> work;
        synchronized (this) {
            work = new ArrayList<>(pending);
            pending.clear();
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        awaitAll();
        executor.shutdown();
    }
}
