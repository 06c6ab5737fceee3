package dev.testguard.runtime.agent.bootstrap;

import java.util.Map;
import java.util.Properties;

/**
 * The static methods the woven advice calls. This class lives in the bootstrap loader (the agent jar is its own
 * {@code Boot-Class-Path}), so a driver or data source in any class loader can reach it; the guard behind it lives
 * in an {@link IsolatedGuardLoader}. Until the guard is installed, and if the guard itself fails, every connection
 * is refused: the guard never lets a connection through unchecked.
 */
public final class Bridge {

    private static volatile ConnectionHooks hooks;

    private Bridge() {
    }

    /** Called once by the guard when it is ready, before any class is woven. */
    public static void install(ConnectionHooks connectionHooks) {
        hooks = connectionHooks;
    }

    public static Object beforeDriverConnect(Object driver, String url, Properties info) throws Exception {
        try {
            return hooks().beforeDriverConnect(driver, url, info);
        } catch (Exception | Error e) {
            throw refusal(e);
        }
    }

    public static Object beforeConfiguredConnect(Object configuration) throws Exception {
        try {
            return hooks().beforeConfiguredConnect(configuration);
        } catch (Exception | Error e) {
            throw refusal(e);
        }
    }

    public static Object afterDriverConnect(Object scope, Object connection, Throwable thrown) throws Exception {
        try {
            return hooks().afterDriverConnect(scope, connection, thrown);
        } catch (Exception | Error e) {
            throw refusal(e);
        }
    }

    public static Object enterDataSource(Object dataSource) {
        ConnectionHooks h = hooks;
        return h == null ? null : h.enterDataSource(dataSource);
    }

    public static Object exitDataSource(Object scope, Object connection, Throwable thrown) throws Exception {
        try {
            return hooks().exitDataSource(scope, connection, thrown);
        } catch (Exception | Error e) {
            throw refusal(e);
        }
    }

    /**
     * The refusal message of an R2DBC connection factory, or null; {@code loader} is R2DBC's, {@code factory} the
     * {@code ConnectionFactory} about to be handed out.
     */
    public static String judgeR2dbc(Map<String, String> options, ClassLoader loader, Object factory) {
        try {
            return hooks().judgeR2dbc(options, loader, factory);
        } catch (Exception | Error e) {
            return GuardFailure.message(e);
        }
    }

    /**
     * The publisher {@code factory.create()} returns: its own, or one that signals the refusal. An internal error of
     * the guard refuses too, by an exception from {@code create()}.
     */
    public static Object r2dbcCreate(Object factory, Object publisher, String returnType) {
        try {
            return hooks().r2dbcCreate(factory, publisher, returnType);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).startsWith("testguard refused")) {
                throw e; // the refusal itself, where no publisher of the return type could carry it
            }
            throw new IllegalStateException(GuardFailure.message(e), e);
        } catch (Exception | Error e) {
            throw new IllegalStateException(GuardFailure.message(e), e);
        }
    }

    /**
     * The exception a data source's {@code setUrl(url)} or constructor throws instead of {@code thrown}: masked.
     * No refusal; if the guard cannot mask it, the driver's message is withheld (it may show a password).
     */
    public static Throwable urlRejected(String url, Throwable thrown) {
        try {
            return hooks().urlRejected(url, thrown);
        } catch (Exception | Error e) {
            return GuardFailure.withheld(thrown, e);
        }
    }

    private static ConnectionHooks hooks() {
        ConnectionHooks h = hooks;
        if (h == null) {
            throw new IllegalStateException("the guard is not installed");
        }
        return h;
    }

    /** A refusal the guard made passes as it is; anything else is an internal error, which refuses too. */
    private static Exception refusal(Throwable e) {
        if (GuardFailure.isRefusal(e)) {
            return (Exception) e;
        }
        return GuardFailure.sqlException(GuardFailure.message(e), e);
    }
}
