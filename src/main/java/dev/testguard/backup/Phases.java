package dev.testguard.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time of the steps of one backup or restore, for the closing progress line
 * ("took 21.3 s: pg_dump 19.1 s, SHA-256 0.1 s, ..."), so that a slow step shows itself. Not thread-safe.
 */
public final class Phases {

    private final long started = System.nanoTime();
    private final List<String> done = new ArrayList<>();
    private long mark = started;

    /** Ends the step that began at the previous call (or at creation) and names it. */
    public void end(String step) {
        long now = System.nanoTime();
        add(step, now - mark);
        mark = now;
    }

    /** Records a step timed elsewhere (e.g. on another thread); does not move the mark. */
    public void add(String step, long nanos) {
        done.add(step + " " + seconds(nanos));
    }

    /** Restarts the mark, leaving the time since the last step unnamed. */
    public void skip() {
        mark = System.nanoTime();
    }

    /** "took T s: step t s, step t s". */
    public String summary() {
        return "took " + seconds(System.nanoTime() - started) + ": " + String.join(", ", done);
    }

    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
