package dev.testguard.runtime.judge;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Blocks until a Reactive Streams {@code Publisher} (of the tests' class loader, reached by reflection) completes,
 * with a deadline: the subscriber is a {@link Proxy} of {@code org.reactivestreams.Subscriber} that requests
 * everything and collects it.
 */
final class Await {

    private Await() {
    }

    /** {@code Publisher.subscribe} and {@code Subscription.request/cancel} of one class loader. */
    record Reactive(Class<?> subscriber, Method subscribe, Method request, Method cancel) {

        static Reactive of(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> publisher = Class.forName("org.reactivestreams.Publisher", false, loader);
            Class<?> subscriber = Class.forName("org.reactivestreams.Subscriber", false, loader);
            Class<?> subscription = Class.forName("org.reactivestreams.Subscription", false, loader);
            return new Reactive(subscriber, publisher.getMethod("subscribe", subscriber),
                    subscription.getMethod("request", long.class), subscription.getMethod("cancel"));
        }

        /** Subscribes and lets the publisher run to its end unobserved. */
        void subscribeAndForget(Object publisher) throws SQLException {
            R2dbcSession.invoke(subscribe, publisher, proxy(new Collector(this, null)));
        }

        private Object proxy(InvocationHandler handler) {
            return Proxy.newProxyInstance(subscriber.getClassLoader(), new Class<?>[] {subscriber}, handler);
        }
    }

    /**
     * Every element {@code publisher} emits, once it completes.
     *
     * @param late    given each element that arrives after the wait gave up (null: dropped)
     * @throws SQLException the publisher failed, or did not complete before {@code deadline} ({@link System#nanoTime})
     */
    static List<Object> all(Object publisher, Reactive reactive, long deadline, Consumer<Object> late)
            throws SQLException {
        Collector collector = new Collector(reactive, late);
        R2dbcSession.invoke(reactive.subscribe(), publisher, reactive.proxy(collector));
        try {
            return collector.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            collector.giveUp();
            throw new SQLException("no answer from the database within the live check's time limit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new SQLException(cause.getClass().getName() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            collector.giveUp();
            throw new SQLException("interrupted while waiting for the database", e);
        }
    }

    /** The subscriber's behaviour: request everything, collect, complete the future. */
    private static final class Collector implements InvocationHandler {

        private final Reactive reactive;
        private final Consumer<Object> late;
        private final List<Object> items = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<List<Object>> done = new CompletableFuture<>();
        private volatile Object subscription;
        private volatile boolean abandoned;

        Collector(Reactive reactive, Consumer<Object> late) {
            this.reactive = reactive;
            this.late = late;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "onSubscribe":
                    subscription = args[0];
                    reactive.request().invoke(args[0], Long.MAX_VALUE);
                    return null;
                case "onNext":
                    onNext(args[0]);
                    return null;
                case "onError":
                    done.completeExceptionally((Throwable) args[0]);
                    return null;
                case "onComplete":
                    done.complete(new ArrayList<>(items));
                    return null;
                default:
                    return R2dbcJdbc.objectMethod(proxy, method, args, "testguard live check subscriber");
            }
        }

        private void onNext(Object item) {
            if (abandoned && late != null) {
                late.accept(item);
            } else {
                items.add(item);
            }
        }

        void giveUp() {
            abandoned = true;
            Object s = subscription;
            if (s != null) {
                try {
                    reactive.cancel().invoke(s);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // the publisher runs on unobserved
                }
            }
            if (late != null) {
                synchronized (items) {
                    items.forEach(late);
                }
            }
        }
    }
}
