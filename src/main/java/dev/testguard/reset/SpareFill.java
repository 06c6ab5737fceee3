package dev.testguard.reset;

/** What filling one slot of a pool of ready copies found or did ({@link PostgresSpareFill}, {@link MariadbSpareFill}). */
public enum SpareFill {
    /** A current copy of the baseline was there already. */
    CURRENT,
    /** A database without the pool marker holds the name: left alone. */
    FOREIGN,
    MADE,
    /** A copy of an older baseline was dropped and made again. */
    REPLACED_STALE,
    /** The baseline is gone: nothing was made. */
    NO_BASELINE
}
