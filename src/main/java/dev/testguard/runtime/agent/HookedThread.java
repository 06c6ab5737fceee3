package dev.testguard.runtime.agent;

import dev.testguard.runtime.judge.ThreadSample;

/**
 * One thread's state in {@link GuardHooks}: how many judgements ran on it, how deep judged {@code Driver.connect}
 * calls and R2DBC judgements are nested, and the data source calls under way. The scope of the outermost data source
 * call is this object itself, so its exit (a pool's borrow) needs no thread-local lookup; a nested call's scope is the
 * judgement count at its entry, wrapped at 128 ({@code Integer.valueOf} caches 0 to 127: no allocation): when a
 * multiple of 128 judgements ran inside one nested call, its connection is judged once more, which only counts a
 * connection judged before again.
 */
final class HookedThread {

    private static final int SCOPES = 0x7F;

    /** Judgements so far on this thread. */
    int judgements;
    /** Depth of judged {@code Driver.connect} calls. */
    int connectDepth;
    /** Depth of R2DBC judgements (whose own live check calls {@code create()} of the factory being judged). */
    int r2dbcDepth;
    /** This thread's state in the judge, once a data source call was judged on it. */
    ThreadSample sample;
    private int dataSourceDepth;
    /** The judgements when the outermost data source call under way began. */
    private int mark;

    /** A data source call begins: its scope, handed to {@link #unjudgedAtExit}. */
    Object enterDataSource() {
        if (dataSourceDepth++ == 0) {
            mark = judgements;
            return this;
        }
        return judgements & SCOPES;
    }

    /**
     * The data source call of {@code scope} ends: whether no judgement ran on this thread during the call (else the
     * data source went through a judged {@code Driver.connect}, or a nested data source call was judged). Judging
     * its connection now adds to {@link #judgements}, for the calls around it.
     */
    boolean unjudgedAtExit(Object scope) {
        dataSourceDepth--;
        return scope == this ? mark == judgements : (Integer) scope == (judgements & SCOPES);
    }
}
