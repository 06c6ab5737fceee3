package dev.testguard.runtime.judge;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code ConnectionFactory#create()} of a factory the guard has not judged yet returns: a publisher of the
 * method's own Reactor type ({@code Mono.defer}/{@code Flux.defer}) that judges when it is subscribed, not when
 * {@code create()} is called, then subscribes to the driver's publisher or signals the refusal
 * ({@link R2dbcErrorSignal#error}). The judgement may wait up to {@link R2dbcLiveCheck#TIMEOUT} for its live check:
 * subscribed on a non-blocking thread (a Reactor or Netty event loop, whose blocking could time the check out or
 * deadlock it), it runs on a daemon thread of the guard; on any other thread, on that thread.
 */
public final class R2dbcDeferred {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService JUDGES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "testguard-r2dbc-judge-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    /** Per Reactor (per class loader), the scheduler over {@link #JUDGES}. */
    private static final ClassValue<Object> SCHEDULERS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> schedulers) {
            try {
                return schedulers.getMethod("fromExecutorService", ExecutorService.class).invoke(null, JUDGES);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build Reactor's scheduler over the guard's thread: " + e, e);
            }
        }
    };

    private final Class<?> mono;
    private final Class<?> type;
    private final Class<?> schedulers;
    private final ClassLoader loader;

    private R2dbcDeferred(Class<?> mono, Class<?> type, Class<?> schedulers, ClassLoader loader) {
        this.mono = mono;
        this.type = type;
        this.schedulers = schedulers;
        this.loader = loader;
    }

    /**
     * @param returnType the binary name of the woven {@code create()}'s return type
     * @param judgement  the refusal of the factory (null: allowed), judged and recorded
     * @return the deferred publisher, or null when Reactor cannot build one of that type (judge at once, then)
     */
    public static Object of(Class<?> factoryType, String returnType, Object publisher, Callable<String> judgement)
            throws ReflectiveOperationException {
        ClassLoader loader = factoryType.getClassLoader();
        Class<?> declared = Class.forName(returnType, false, loader);
        Class<?> mono = R2dbcErrorSignal.load("reactor.core.publisher.Mono", loader);
        Class<?> flux = R2dbcErrorSignal.load("reactor.core.publisher.Flux", loader);
        Class<?> schedulers = R2dbcErrorSignal.load("reactor.core.scheduler.Schedulers", loader);
        if (mono == null || flux == null || schedulers == null) {
            return null;
        }
        Class<?> type = declared.isAssignableFrom(mono) ? mono : declared.isAssignableFrom(flux) ? flux : null;
        if (type == null) {
            return null;
        }
        R2dbcDeferred deferred = new R2dbcDeferred(mono, type, schedulers, loader);
        Supplier<Object> onSubscribe = () -> deferred.judged(publisher, judgement);
        return type.getMethod("defer", Supplier.class).invoke(null, onSubscribe);
    }

    /** At subscription: the outcome now, or once the guard's thread has judged. */
    private Object judged(Object publisher, Callable<String> judgement) {
        try {
            if (!onNonBlockingThread(schedulers)) {
                return outcome(publisher, call(judgement));
            }
            Callable<String> judging = () -> {
                String refusal = call(judgement);
                return refusal == null ? "" : refusal; // a Mono of null would be empty
            };
            Object verdict = mono.getMethod("subscribeOn", Class.forName("reactor.core.scheduler.Scheduler", false,
                    loader)).invoke(mono.getMethod("fromCallable", Callable.class).invoke(null, judging),
                    SCHEDULERS.get(schedulers));
            Function<String, Object> then = refusal -> outcome(publisher, refusal);
            return mono.getMethod(type == mono ? "flatMap" : "flatMapMany", Function.class).invoke(verdict, then);
        } catch (InvocationTargetException e) {
            throw unchecked(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("testguard cannot defer the judgement of an R2DBC connection: " + e, e);
        }
    }

    /** The driver's publisher as the return type, or the refusal signalled; a failed judgement is signalled too. */
    private Object outcome(Object publisher, String refusal) {
        try {
            if (refusal == null || refusal.isEmpty()) {
                return type.getMethod("from", Class.forName("org.reactivestreams.Publisher", false, loader))
                        .invoke(null, publisher);
            }
            return type.getMethod("error", Throwable.class).invoke(null, R2dbcErrorSignal.error(loader, refusal));
        } catch (InvocationTargetException e) {
            throw unchecked(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("testguard cannot signal the judgement of an R2DBC connection: " + e, e);
        }
    }

    private static String call(Callable<String> judgement) {
        try {
            return judgement.call();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t.getMessage(), t);
    }

    /**
     * Whether this thread must not wait for a judgement: one of Reactor's (of {@code loader}) non-blocking threads or a
     * Netty event loop.
     */
    public static boolean onNonBlockingThread(ClassLoader loader) {
        try {
            return onNonBlockingThread(R2dbcErrorSignal.load("reactor.core.scheduler.Schedulers", loader));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("testguard cannot ask Reactor whether this thread may block: " + e, e);
        }
    }

    /** Reactor's non-blocking threads ({@code NonBlocking}: its parallel scheduler, reactor-netty's loops) and Netty's. */
    private static boolean onNonBlockingThread(Class<?> schedulers) throws ReflectiveOperationException {
        if (schedulers != null && (Boolean) schedulers.getMethod("isInNonBlockingThread").invoke(null)) {
            return true;
        }
        for (Class<?> c = Thread.currentThread().getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("io.netty.util.concurrent.FastThreadLocalThread")) {
                return true;
            }
        }
        return false;
    }
}
