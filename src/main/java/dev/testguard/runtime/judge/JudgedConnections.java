package dev.testguard.runtime.judge;

import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The physical connections judged safe, with their {@link Decision}s, weakly. A pool's borrow is recognised by the
 * connection it wraps: first by identity in a small lock-free cache (no allocation, no lock: the steady state of a
 * pool), then, as before, by {@code equals} in a weak map (wrappers whose {@code equals} names the physical
 * connection, connections the cache lost to a collision). The cache only ever holds connections of that map.
 */
final class JudgedConnections {

    /** Direct-mapped slots (a power of two): a collision only sends a lookup to the map. */
    private static final int SLOTS = 1024;

    /**
     * Written racily, read without a lock or a VarHandle (cheap before the JIT compiles the borrow): a slot seen
     * before its referent is a miss, which the map answers.
     */
    private final Slot[] slots = new Slot[SLOTS];
    private final Map<Connection, Decision> judged = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * The classes of the connections judged (a few driver classes): a pool's wrapper class never is one, so its
     * borrows skip the lookup by identity (whose first hash of a fresh object costs more than the rest of a borrow's
     * judgement). Held weakly, so a test framework that discards a class loader gets its driver classes collected;
     * copied on write.
     */
    private volatile WeakReference<?>[] judgedClasses = new WeakReference<?>[0];

    /** One cached connection, held weakly, and its decision. */
    static final class Slot extends WeakReference<Connection> {

        final Decision decision;

        Slot(Connection connection, Decision decision) {
            super(connection);
            this.decision = decision;
        }
    }

    /** {@code connection} was judged safe as {@code decision}. */
    void put(Connection connection, Decision decision) {
        judged.put(connection, decision);
        cache(connection, decision);
    }

    private void cache(Connection connection, Decision decision) {
        if (!isJudged(connection.getClass())) {
            addJudgedClass(connection.getClass());
        }
        slots[index(connection)] = new Slot(connection, decision);
    }

    private synchronized void addJudgedClass(Class<?> type) {
        if (!isJudged(type)) {
            List<WeakReference<?>> known = new ArrayList<>();
            for (WeakReference<?> k : judgedClasses) {
                if (k.get() != null) {
                    known.add(k); // a collected class's entry goes
                }
            }
            known.add(new WeakReference<>(type));
            judgedClasses = known.toArray(new WeakReference<?>[0]);
        }
    }

    private boolean isJudged(Class<?> type) {
        for (WeakReference<?> known : judgedClasses) {
            if (known.get() == type) {
                return true;
            }
        }
        return false;
    }

    /** The decision of this physical connection, or of the one it wraps; null when neither was judged safe. */
    Decision of(Connection connection) {
        Decision known = cached(connection);
        if (known != null) {
            return known;
        }
        Connection inner = unwrapped(connection);
        known = inner == null ? null : cached(inner);
        if (known != null) {
            return known;
        }
        known = judged.get(connection);
        if (known == null && inner != null) {
            known = judged.get(inner);
            if (known != null) {
                cache(inner, known);
            }
        }
        return known;
    }

    private Decision cached(Connection connection) {
        Slot slot = slotOf(connection);
        return slot == null ? null : slot.decision;
    }

    /**
     * The cache's slot of {@code connection}, or else of the connection it wraps, when it holds that very connection
     * (judged safe, as {@link #of} finds it); null otherwise.
     */
    Slot identified(Connection connection) {
        Slot slot = slotOf(connection);
        if (slot == null) {
            Connection inner = unwrapped(connection);
            slot = inner == null ? null : slotOf(inner);
        }
        return slot;
    }

    private Slot slotOf(Connection connection) {
        if (!isJudged(connection.getClass())) {
            return null;
        }
        Slot slot = slots[index(connection)];
        return slot != null && slot.get() == connection ? slot : null;
    }

    /** The connection {@code connection} wraps, or null when it wraps none (or says it is its own). */
    static Connection unwrapped(Connection connection) {
        try {
            Connection inner = connection.unwrap(Connection.class);
            return inner == connection ? null : inner;
        } catch (SQLException | RuntimeException notAWrapper) {
            return null;
        }
    }

    private static int index(Connection connection) {
        int h = System.identityHashCode(connection);
        return (h ^ h >>> 16) & SLOTS - 1;
    }
}
