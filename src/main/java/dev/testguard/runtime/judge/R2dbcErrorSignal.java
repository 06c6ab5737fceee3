package dev.testguard.runtime.judge;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What a refused {@code ConnectionFactory#create()} returns instead of its publisher: one that signals an
 * {@code R2dbcPermissionDeniedException} (SQLState 28000) to whoever subscribes, of the method's own return type
 * ({@code Mono.error}/{@code Flux.error} for Reactor's types, else a minimal {@code Publisher}). A return type it
 * cannot build is answered by throwing that exception from {@code create()} itself.
 */
public final class R2dbcErrorSignal {

    private R2dbcErrorSignal() {
    }

    /**
     * @param factoryType the factory's class (its loader sees R2DBC and the return type)
     * @param returnType  the binary name of the woven {@code create()}'s return type
     * @throws RuntimeException the R2DBC exception itself, when no publisher of that type can carry it
     */
    public static Object of(Class<?> factoryType, String returnType, String message)
            throws ReflectiveOperationException {
        ClassLoader loader = factoryType.getClassLoader();
        RuntimeException error = error(loader, message);
        Class<?> type = Class.forName(returnType, false, loader);
        for (String reactor : new String[] {"reactor.core.publisher.Mono", "reactor.core.publisher.Flux"}) {
            Class<?> publisher = load(reactor, loader);
            if (publisher != null && type.isAssignableFrom(publisher)) {
                return publisher.getMethod("error", Throwable.class).invoke(null, error);
            }
        }
        if (type.getName().equals("org.reactivestreams.Publisher")) {
            return Proxy.newProxyInstance(loader, new Class<?>[] {type}, new Failing(loader, error));
        }
        throw error;
    }

    /** The refusal as R2DBC's {@code R2dbcPermissionDeniedException} (SQLState 28000) of that loader. */
    static RuntimeException error(ClassLoader loader, String message) throws ReflectiveOperationException {
        return (RuntimeException) Class.forName("io.r2dbc.spi.R2dbcPermissionDeniedException", false, loader)
                .getConstructor(String.class, String.class).newInstance(message, Refusals.SQL_STATE);
    }

    static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** {@code subscribe(s)}: {@code s.onSubscribe} with a subscription that does nothing, then {@code s.onError}. */
    private static final class Failing implements InvocationHandler {

        private final ClassLoader loader;
        private final Throwable error;

        Failing(ClassLoader loader, Throwable error) {
            this.loader = loader;
            this.error = error;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("subscribe") && args != null && args.length == 1) {
                Class<?> subscriber = Class.forName("org.reactivestreams.Subscriber", false, loader);
                Class<?> subscription = Class.forName("org.reactivestreams.Subscription", false, loader);
                Object nothing = Proxy.newProxyInstance(loader, new Class<?>[] {subscription},
                        (p, m, a) -> m.getDeclaringClass() == Object.class
                                ? R2dbcJdbc.objectMethod(p, m, a, "testguard's refused subscription") : null);
                subscriber.getMethod("onSubscribe", subscription).invoke(args[0], nothing);
                subscriber.getMethod("onError", Throwable.class).invoke(args[0], error);
                return null;
            }
            return R2dbcJdbc.objectMethod(proxy, method, args, "testguard's refused connection publisher");
        }
    }
}
