package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.ConnectionHooks;
import dev.testguard.runtime.judge.ConnectionJudge;
import dev.testguard.runtime.judge.ConnectionLog;
import dev.testguard.runtime.judge.DriverExceptions;
import dev.testguard.runtime.judge.DriverReadings;
import dev.testguard.runtime.judge.DriverView;
import dev.testguard.runtime.judge.R2dbcDeferred;
import dev.testguard.runtime.judge.R2dbcErrorSignal;
import dev.testguard.runtime.judge.R2dbcFactories;
import dev.testguard.runtime.judge.R2dbcFactory;
import dev.testguard.runtime.judge.RecognisableUrls;
import dev.testguard.runtime.judge.Refusals;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The guard behind {@code Bridge}: keeps, per thread, how many judgements ran and how deep {@code Driver.connect}
 * calls are nested, so that a data source that went through a woven driver is not judged twice and a judgement
 * nested in another counts once.
 */
final class GuardHooks implements ConnectionHooks {

    /** The driver does not take this URL: {@code connect} returns null without opening anything. */
    private static final Object NOT_THIS_DRIVER = new Object();

    /** Each thread's judgements, nesting and data source calls. */
    private final ThreadLocal<HookedThread> threads = new ThreadLocal<>() {
        @Override
        protected HookedThread initialValue() {
            return new HookedThread();
        }
    };

    private final Supplier<ConnectionJudge> judgeFactory;
    private final R2dbcFactories r2dbcFactories;
    private volatile ConnectionJudge judge;

    /**
     * @param judgeFactory creates the judge at the first connection (loading the policy costs start-up time most
     *                     test JVMs, which open no connection, need not pay); if it fails, that connection is refused
     */
    GuardHooks(Supplier<ConnectionJudge> judgeFactory, ConnectionLog log) {
        this.judgeFactory = judgeFactory;
        this.r2dbcFactories = new R2dbcFactories(this::judge, log);
    }

    private ConnectionJudge judge() {
        ConnectionJudge j = judge;
        if (j == null) {
            synchronized (this) {
                if (judge == null) {
                    judge = judgeFactory.get();
                }
                j = judge;
            }
        }
        return j;
    }

    @Override
    public Object beforeDriverConnect(Object driver, String url, Properties info) throws SQLException {
        if (!accepts(driver, url)) {
            return NOT_THIS_DRIVER;
        }
        return judged(url, info, RecognisableUrls.defaultsOf(driver), DriverReadings.of(driver, url, info));
    }

    @Override
    public Object beforeConfiguredConnect(Object configuration) throws Exception {
        if (threads.get().connectDepth > 0) {
            return NOT_THIS_DRIVER; // inside a judged connect(String, Properties): judged by the URL as written
        }
        DriverView view = DriverReadings.ofConfiguration(configuration);
        Properties info = new Properties();
        if (view.user() != null) {
            info.setProperty("user", view.user());
        }
        return judged(DriverReadings.urlOfConfiguration(configuration), info, Map.of(), () -> view);
    }

    private ConnectionJudge.Pending judged(String url, Properties info, Map<String, String> defaults,
            DriverView.Reading reading) throws SQLException {
        HookedThread thread = threads.get();
        ConnectionJudge.Pending pending = judge().before(url, info, thread.connectDepth > 0, defaults, reading);
        thread.judgements++;
        thread.connectDepth++;
        return pending;
    }

    @Override
    public Object afterDriverConnect(Object scope, Object connection, Throwable thrown) throws SQLException {
        if (!(scope instanceof ConnectionJudge.Pending)) {
            return connection;
        }
        threads.get().connectDepth--;
        ConnectionJudge.Pending pending = (ConnectionJudge.Pending) scope;
        if (thrown != null) {
            // a nested judgement (the driver's own, R2DBC's JDBC probe) leaves the failure to the one around it
            if (!pending.nested() && !Refusals.isRefusal(thrown)) {
                judge().failed(pending, thrown);
            }
            return connection;
        }
        if (!(connection instanceof Connection)) {
            return connection;
        }
        return judge().after(pending, (Connection) connection);
    }

    /** See {@link HookedThread#enterDataSource}. */
    @Override
    public Object enterDataSource(Object dataSource) {
        return threads.get().enterDataSource();
    }

    /**
     * A pool's borrow: one thread-local lookup in all (at the entry), and, for the physical connection this thread
     * borrowed last, no more than the judge's identity compare and count ({@link ConnectionJudge#judgeOpened}).
     */
    @Override
    public Object exitDataSource(Object scope, Object connection, Throwable thrown) throws SQLException {
        HookedThread thread;
        if (scope instanceof HookedThread) {
            thread = (HookedThread) scope;
        } else if (scope instanceof Integer) {
            thread = threads.get();
        } else {
            return connection; // the call began before the guard was installed
        }
        if (thread.unjudgedAtExit(scope) && thrown == null && connection instanceof Connection) {
            thread.judgements++;
            ConnectionJudge j = judge();
            if (thread.sample == null) {
                thread.sample = j.thisThread();
            }
            j.judgeOpened((Connection) connection, thread.sample);
        }
        return connection;
    }

    /**
     * {@code ConnectionFactories.find}: judged now, unless on a thread that must not block (a Reactor or Netty event
     * loop), where the live check could stall it: the factory is then judged by these options at its first
     * {@code create()}, at subscription, off that thread ({@link R2dbcFactories#judgeAtCreate}), and a refusal arrives
     * as that publisher's error signal.
     */
    @Override
    public String judgeR2dbc(Map<String, String> options, ClassLoader loader, Object factory) {
        if (factory != null && threads.get().r2dbcDepth == 0 && R2dbcDeferred.onNonBlockingThread(loader)) {
            r2dbcFactories.judgeAtCreate(factory, options, loader);
            return null;
        }
        HookedThread thread = threads.get();
        thread.r2dbcDepth++;
        try {
            String refusal = judge().judgeR2dbc(options, (url, info) -> openNested(loader, url, info),
                    factory == null ? null : new R2dbcFactory(factory, loader));
            r2dbcFactories.remember(factory, refusal);
            return refusal;
        } finally {
            thread.r2dbcDepth--;
        }
    }

    /**
     * A factory judged before gets its verdict at once; any other's judgement waits for the subscription, off a
     * non-blocking thread ({@link R2dbcDeferred}), where Reactor is at hand; else it runs now.
     */
    @Override
    public Object r2dbcCreate(Object factory, Object publisher, String returnType) throws Exception {
        if (factory == null || threads.get().r2dbcDepth > 0) {
            return publisher; // the guard's own live check of this factory
        }
        if (!r2dbcFactories.isJudged(factory)) {
            Object deferred = R2dbcDeferred.of(factory.getClass(), returnType, publisher,
                    judge().onBehalfOfCaller(() -> r2dbcRefusal(factory)));
            if (deferred != null) {
                return deferred;
            }
        }
        String refusal = r2dbcRefusal(factory);
        return refusal == null ? publisher : R2dbcErrorSignal.of(factory.getClass(), returnType, refusal);
    }

    /** The judgement of {@code factory.create()} on this thread, whose own live check of it is not judged again. */
    private String r2dbcRefusal(Object factory) {
        HookedThread thread = threads.get();
        thread.r2dbcDepth++;
        try {
            return r2dbcFactories.refusal(factory, loader -> (url, info) -> openNested(loader, url, info));
        } finally {
            thread.r2dbcDepth--;
        }
    }

    /**
     * The live check's JDBC connection for an R2DBC factory: through a driver of R2DBC's class loader, woven like
     * any other, so the same judgement runs over it (refusing, or caching the database's verdict); it counts as
     * nested, so it is not recorded as a connection of its own. Null when that loader has no driver for the URL.
     */
    private Connection openNested(ClassLoader loader, String url, Properties info) throws SQLException {
        Driver driver = null;
        for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
            if (accepts(candidate, url)) {
                driver = candidate;
                break;
            }
        }
        if (driver == null) {
            return null;
        }
        HookedThread thread = threads.get();
        thread.connectDepth++;
        try {
            return driver.connect(url, info);
        } finally {
            thread.connectDepth--;
        }
    }

    @Override
    public Throwable urlRejected(String url, Throwable thrown) {
        return DriverExceptions.masked(url, thrown);
    }

    /** Whether the driver takes the URL; when it cannot say, it is judged. */
    private static boolean accepts(Object driver, String url) {
        if (url == null) {
            return false;
        }
        try {
            return !(driver instanceof Driver) || ((Driver) driver).acceptsURL(url);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }
}
