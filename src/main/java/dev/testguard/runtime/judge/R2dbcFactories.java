package dev.testguard.runtime.judge;

import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The judgement of {@code ConnectionFactory#create()}, once per factory: a factory {@code ConnectionFactories}
 * handed out keeps the verdict judged there (so do the factories it wraps), or, handed out on a thread that must not
 * block ({@link #judgeAtCreate}), is judged by the options it was found with at its first {@code create()}; any other
 * is judged by the target its vendor configuration names ({@link R2dbcTargets}), with the same rules and live checks
 * as {@code ConnectionFactories}. A factory whose target the guard cannot read is refused (fail closed); one that only
 * delegates is not judged itself, the factory it delegates to is.
 */
public final class R2dbcFactories {

    private static final String ALLOWED = "";

    private final Supplier<ConnectionJudge> judge;
    private final ConnectionLog log;
    /** Weak keys: a factory the tests dropped is forgotten; the value is its refusal, or {@link #ALLOWED}. */
    private final Map<Object, String> judged = Collections.synchronizedMap(new WeakHashMap<>());
    /** Factories found on a non-blocking thread, not judged yet: the options and R2DBC's loader they were found with. */
    private final Map<Object, Found> found = Collections.synchronizedMap(new WeakHashMap<>());

    private record Found(Map<String, String> options, ClassLoader loader) {
    }

    public R2dbcFactories(Supplier<ConnectionJudge> judge, ConnectionLog log) {
        this.judge = judge;
        this.log = log;
    }

    /** What {@code ConnectionFactories} decided for {@code factory} (null: allowed), for it and what it wraps. */
    public void remember(Object factory, String refusal) {
        for (Object f = factory; f != null; f = R2dbcTargets.wrapped(f)) {
            judged.put(f, refusal == null ? ALLOWED : refusal);
            found.remove(f); // its options hold the password: kept no longer than needed
        }
    }

    /**
     * {@code ConnectionFactories} found {@code factory} (and what it wraps) with {@code options} on a thread that must
     * not wait for a live check: its first {@code create()} judges those options, as {@code ConnectionFactories} would
     * have, when its publisher is subscribed ({@link R2dbcDeferred}).
     */
    public void judgeAtCreate(Object factory, Map<String, String> options, ClassLoader loader) {
        Found f = new Found(Map.copyOf(options), loader);
        for (Object w = factory; w != null; w = R2dbcTargets.wrapped(w)) {
            found.put(w, f);
        }
    }

    /** Whether {@code factory} has its verdict already (then {@link #refusal} answers at once). */
    public boolean isJudged(Object factory) {
        return judged.containsKey(factory);
    }

    /**
     * @param probes the JDBC connection of the live check, for R2DBC's class loader (see
     *               {@link ConnectionJudge#judgeR2dbc(Map, ConnectionJudge.JdbcProbe, R2dbcFactory)})
     * @return the refusal of {@code factory.create()} (recorded), or null when it may connect
     */
    public String refusal(Object factory, Function<ClassLoader, ConnectionJudge.JdbcProbe> probes) {
        String known = judged.get(factory);
        if (known == null) {
            Found options = found.get(factory);
            if (options != null) {
                known = judge.get().judgeR2dbc(options.options(), probes.apply(options.loader()),
                        new R2dbcFactory(factory, options.loader()));
                remember(factory, known);
            } else {
                known = decide(factory, probes);
                judged.put(factory, known == null ? ALLOWED : known);
            }
        }
        return known == null || known.isEmpty() ? null : known;
    }

    private String decide(Object factory, Function<ClassLoader, ConnectionJudge.JdbcProbe> probes) {
        if (R2dbcTargets.delegates(factory)) {
            return null;
        }
        ClassLoader spi = R2dbcFactory.spiLoader(factory);
        Map<String, String> options;
        try {
            options = R2dbcTargets.options(factory, System.nanoTime() + R2dbcLiveCheck.TIMEOUT.toNanos());
        } catch (IllegalArgumentException | SQLException e) {
            return unknown(factory, e.getMessage());
        }
        return judge.get().judgeR2dbc(options, probes.apply(spi), new R2dbcFactory(factory, spi));
    }

    private String unknown(Object factory, String why) {
        String type = factory.getClass().getName();
        String message = "testguard refused the connections of an R2DBC connection factory " + type
                + ": the runtime guard cannot tell which database it connects to (" + why + "), and it never lets a "
                + "connection through unchecked. Create the factory with ConnectionFactories.get(...) (its options "
                + "are judged), or " + Refusals.turnOffAndReport();
        log.error(type, message);
        return message;
    }
}
