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

    /** The scopes of data source calls wrap at 128: {@code Integer.valueOf} caches 0 to 127. */
    private static final int SCOPES = 0x7F;

    /**
     * [0] judgements so far on this thread, [1] depth of judged {@code Driver.connect} calls, [2] depth of R2DBC
     * judgements (whose own live check calls {@code create()} of the factory being judged).
     */
    private static final ThreadLocal<int[]> STATE = new ThreadLocal<>() {
        @Override
        protected int[] initialValue() {
            return new int[3];
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
        if (STATE.get()[1] > 0) {
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
        int[] state = STATE.get();
        ConnectionJudge.Pending pending = judge().before(url, info, state[1] > 0, defaults, reading);
        state[0]++;
        state[1]++;
        return pending;
    }

    @Override
    public Object afterDriverConnect(Object scope, Object connection, Throwable thrown) throws SQLException {
        if (!(scope instanceof ConnectionJudge.Pending)) {
            return connection;
        }
        STATE.get()[1]--;
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

    /**
     * The judgements so far on this thread, within the range {@link Integer#valueOf} caches (no allocation per call):
     * when a multiple of 128 judgements ran inside one data source call, its connection is judged once more, which
     * only counts a connection judged before again.
     */
    @Override
    public Object enterDataSource(Object dataSource) {
        return scopeOf(STATE.get());
    }

    private static Integer scopeOf(int[] state) {
        return state[0] & SCOPES;
    }

    @Override
    public Object exitDataSource(Object scope, Object connection, Throwable thrown) throws SQLException {
        int[] state = STATE.get();
        if (thrown != null || connection == null || !(scope instanceof Integer) || !scope.equals(scopeOf(state))) {
            return connection;
        }
        if (connection instanceof Connection) {
            state[0]++;
            judge().judgeOpened((Connection) connection);
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
        if (factory != null && STATE.get()[2] == 0 && R2dbcDeferred.onNonBlockingThread(loader)) {
            r2dbcFactories.judgeAtCreate(factory, options, loader);
            return null;
        }
        int[] state = STATE.get();
        state[2]++;
        try {
            String refusal = judge().judgeR2dbc(options, (url, info) -> openNested(loader, url, info),
                    factory == null ? null : new R2dbcFactory(factory, loader));
            r2dbcFactories.remember(factory, refusal);
            return refusal;
        } finally {
            state[2]--;
        }
    }

    /**
     * A factory judged before gets its verdict at once; any other's judgement waits for the subscription, off a
     * non-blocking thread ({@link R2dbcDeferred}), where Reactor is at hand; else it runs now.
     */
    @Override
    public Object r2dbcCreate(Object factory, Object publisher, String returnType) throws Exception {
        if (factory == null || STATE.get()[2] > 0) {
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
        int[] state = STATE.get();
        state[2]++;
        try {
            return r2dbcFactories.refusal(factory, loader -> (url, info) -> openNested(loader, url, info));
        } finally {
            state[2]--;
        }
    }

    /**
     * The live check's JDBC connection for an R2DBC factory: through a driver of R2DBC's class loader, woven like
     * any other, so the same judgement runs over it (refusing, or caching the database's verdict); it counts as
     * nested, so it is not recorded as a connection of its own. Null when that loader has no driver for the URL.
     */
    private static Connection openNested(ClassLoader loader, String url, Properties info) throws SQLException {
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
        int[] state = STATE.get();
        state[1]++;
        try {
            return driver.connect(url, info);
        } finally {
            state[1]--;
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
