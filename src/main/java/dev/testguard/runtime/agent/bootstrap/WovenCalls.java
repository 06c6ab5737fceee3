package dev.testguard.runtime.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the woven code calls (the guard's weaver inserts these calls at the entry and exits of the woven methods). A
 * method is woven by name and descriptor alone; these calls check, by the {@link WovenTypes} of the class declaring
 * it, that it belongs to a driver, data source or R2DBC connection factory, and hand it to {@link Bridge}; any other
 * class's method runs unjudged, as if not woven.
 */
public final class WovenCalls {

    /** The R2DBC options the woven {@code ConnectionFactories.find} reads, in this order (constant: upper case). */
    public static final String[] R2DBC_OPTIONS = {"driver", "protocol", "host", "port", "database", "user", "password"};
    private static final Object NOT_WOVEN = new Object();
    /**
     * The data source class whose call was entered last (a pool's borrows come from one class): its next call skips
     * the {@link WovenTypes} lookup, which costs a borrow more than the rest of its entry until the JIT compiles it.
     * Held weakly, so a discarded class loader is collected; written racily, as a stale read is only a lookup more.
     */
    private static WeakReference<Class<?>> lastDataSource = new WeakReference<>(null);

    private WovenCalls() {
    }

    /** Entry of {@code connect(String, Properties)}: the scope handed to {@link #exitConnect}. */
    public static Object enterConnect(Class<?> declaring, Object driver, String url, Properties info)
            throws Exception {
        return WovenTypes.is(declaring, WovenTypes.DRIVER) ? Bridge.beforeDriverConnect(driver, url, info) : NOT_WOVEN;
    }

    /** Entry of MariaDB Connector/J's static {@code connect(Configuration)}; its exit is {@link #exitConnect}. */
    public static Object enterConfiguredConnect(Class<?> declaring, Object configuration) throws Exception {
        return WovenTypes.is(declaring, WovenTypes.DRIVER) ? Bridge.beforeConfiguredConnect(configuration)
                : NOT_WOVEN;
    }

    /** Exit of a connect, returned or thrown ({@code thrown}, rethrown by the woven code): the connection to return. */
    public static Object exitConnect(Object scope, Object connection, Throwable thrown) throws Exception {
        return scope == NOT_WOVEN ? connection : Bridge.afterDriverConnect(scope, connection, thrown);
    }

    /** Entry of a data source's {@code getConnection} (and the like): the scope handed to {@link #exitDataSource}. */
    public static Object enterDataSource(Class<?> declaring, Object dataSource) {
        if (lastDataSource.get() != declaring) {
            if (!WovenTypes.is(declaring, WovenTypes.DATA_SOURCE)) {
                return NOT_WOVEN;
            }
            lastDataSource = new WeakReference<>(declaring);
        }
        return Bridge.enterDataSource(dataSource);
    }

    public static Object exitDataSource(Object scope, Object connection, Throwable thrown) throws Exception {
        return scope == NOT_WOVEN ? connection : Bridge.exitDataSource(scope, connection, thrown);
    }

    /**
     * Exit of {@code ConnectionFactories.find(options)}, which returned {@code factory} (null: no driver took the
     * options): {@code values} are the {@link #R2DBC_OPTIONS}. A refusal is thrown as R2DBC's
     * {@code R2dbcPermissionDeniedException} (SQLState 28000).
     */
    public static void r2dbcFound(Object factory, Object[] values, Class<?> factories) {
        if (factory == null) {
            return; // no factory: nothing can connect
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < R2DBC_OPTIONS.length; i++) {
            if (values[i] != null) {
                options.put(R2DBC_OPTIONS[i], values[i].toString()); // a password: for the live check only
            }
        }
        String refusal = Bridge.judgeR2dbc(options, factories.getClassLoader(), factory);
        if (refusal != null) {
            throw permissionDenied(refusal, factories.getClassLoader());
        }
    }

    /** Exit of {@code create()}: the publisher to return (see {@link Bridge#r2dbcCreate}). */
    public static Object r2dbcCreate(Class<?> declaring, Object factory, Object publisher, String returnType) {
        return WovenTypes.is(declaring, WovenTypes.R2DBC_FACTORY) ? Bridge.r2dbcCreate(factory, publisher, returnType)
                : publisher;
    }

    /**
     * An exception {@code setUrl(url)}, the {@code (String url)} constructor or {@code config()} (its {@code url}
     * field) of a {@link WovenTypes#URL_MASKED} data source threw: the exception to throw instead, whose message
     * shows no secret of the URL.
     */
    public static Throwable urlRejected(Class<?> declaring, Object url, Throwable thrown) {
        return WovenTypes.is(declaring, WovenTypes.DATA_SOURCE) ? Bridge.urlRejected((String) url, thrown) : thrown;
    }

    private static RuntimeException permissionDenied(String refusal, ClassLoader r2dbc) {
        try {
            return (RuntimeException) Class.forName("io.r2dbc.spi.R2dbcPermissionDeniedException", true, r2dbc)
                    .getConstructor(String.class, String.class).newInstance(refusal, "28000");
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new IllegalStateException(refusal, e);
        }
    }
}
