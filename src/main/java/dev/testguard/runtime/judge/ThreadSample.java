package dev.testguard.runtime.judge;

import java.sql.Connection;
import java.util.Objects;

/**
 * One thread's view for the judge: its last stack walk (when, and the test class it found), the test class it judges
 * for when it judges for another ({@link TestClasses#onBehalfOfCaller}), and its last borrow: the judged physical
 * connection a pool handed out, with the tally it was counted in. A borrow of that same physical connection (a pool's
 * steady state) is an unwrap, an identity compare and a plain increment: no lookup, no allocation, no atomic, and, amid
 * a dense run of borrows, no clock.
 *
 * <p>The clock decides when the stack is walked again ({@link #SAMPLE_NANOS}). It is read at every connection, except
 * amid a run of borrows less than {@link #DENSE_NANOS} apart on average, where it is read every 2, 4, ... up to
 * {@link #MAX_SKIPS} + 1 borrows (reading it costs more than the rest of such a borrow). So after a pause that follows
 * such a run, at most {@link #MAX_SKIPS} borrows are counted for the test class of the run before the stack is
 * walked again; a physical connection always reads the clock.
 */
public final class ThreadSample {

    /**
     * A thread walks its stack at most once in this window: a physical connection takes longer, so each one is named
     * exactly; a pool handing out thousands of connections a second pays one walk per window.
     */
    static final long SAMPLE_NANOS = 2_000_000L;
    /** Borrows closer than this on average are a dense run, which reads the clock less and less often. */
    static final long DENSE_NANOS = 20_000L;
    /** The most borrows in a row that do not read the clock. */
    static final int MAX_SKIPS = 63;

    private final TestClasses tests;
    /** The test class this thread judges for, as another thread's caller; null when it judges for itself. */
    String actingFor;
    private boolean taken;
    private long at;
    private String testClass;
    private long clockAt;
    private int stride;
    private int skips;
    /** The judge whose connection {@link #physical} is, and the tally of its decision for {@link #testClass}. */
    private Object owner;
    private JudgedConnections.Slot physical;
    private ConnectionLog.Tally tally;
    /**
     * The repeat borrows counted here and not yet in {@link #tally}: a plain increment, as an atomic one costs a borrow
     * more than the rest of its judgement (~16 ns here even when compiled). Added when the last borrow changes, and
     * before the final counts ({@link TestClasses#flushBorrows}); a borrow racing with that at exit may be missed.
     */
    private long pending;
    private boolean registered;

    ThreadSample(TestClasses tests) {
        this.tests = tests;
    }

    /** The test class of a physical connection: the clock is read, the stack walked when the window passed. */
    String sampled() {
        return actingFor != null ? actingFor : sampledAt(System.nanoTime());
    }

    /** The test class of a borrow: as {@link #sampled()}, but the clock is read only every few borrows of a run. */
    String forBorrow() {
        if (actingFor != null) {
            return actingFor;
        }
        if (skips > 0) {
            skips--;
            return testClass;
        }
        return clockRead();
    }

    /**
     * One more borrow of the physical connection this thread borrowed last from {@code judge} ({@code connection} is it
     * or unwraps to it), counted at once unless the test class may have changed.
     *
     * @return false when the caller must judge and count this borrow
     */
    boolean countedAgain(Object judge, Connection connection) {
        JudgedConnections.Slot last = physical;
        if (last == null || owner != judge || actingFor != null) {
            return false;
        }
        if (last.get() != connection) { // get, not refersTo: the interpreter runs it inline, refersTo as a native call
            Connection inner = JudgedConnections.unwrapped(connection);
            if (inner == null || last.get() != inner) {
                return false;
            }
        }
        if (skips > 0) {
            skips--;
        } else {
            clockRead();
            if (physical == null) {
                return false; // a walk found another test class: the caller counts it for that one
            }
        }
        pending++;
        return true;
    }

    /** The borrow just counted in {@code counted}: {@code slot} holds its physical connection (null: none to keep). */
    void borrowed(Object judge, JudgedConnections.Slot slot, ConnectionLog.Tally counted) {
        flush();
        if (!registered && counted != null) {
            registered = true;
            tests.borrowing(this);
        }
        owner = judge;
        physical = counted == null ? null : slot;
        tally = counted;
    }

    /** Adds the repeat borrows counted here to their tally. */
    synchronized void flush() {
        if (pending > 0) {
            tally.add(pending);
            pending = 0;
        }
    }

    /** Reads the clock: the run of borrows is denser or over, and the stack is walked when the window passed. */
    private String clockRead() {
        long now = System.nanoTime();
        stride = now - clockAt < (stride + 1L) * DENSE_NANOS ? Math.min(2 * stride + 1, MAX_SKIPS) : 0;
        skips = stride;
        clockAt = now;
        return sampledAt(now);
    }

    private String sampledAt(long now) {
        if (!taken || now - at > SAMPLE_NANOS) {
            String found = tests.walk();
            if (!Objects.equals(found, testClass)) {
                flush();
                physical = null; // its tally is another test class's
                tally = null;
            }
            testClass = found;
            at = now;
            taken = true;
        }
        return testClass;
    }
}
