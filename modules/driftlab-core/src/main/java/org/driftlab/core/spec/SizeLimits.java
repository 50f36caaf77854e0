package org.driftlab.core.spec;

/**
 * Upper bounds on every config value that sizes memory or time, checked when a config is read (and by the
 * CLI flags that set the same sizes), so that a typo such as {@code dim = 5120000} is a config problem
 * naming its key rather than an OutOfMemoryError. They bound each value alone; what a whole sweep needs
 * together is estimated from the specs and checked against the heap before it starts (docs/SCALE.md).
 */
public final class SizeLimits {
    /** Parameter dimension d of a quadratic or linear-regression stream (dense d×d state for some rules). */
    public static final int MAX_DIM = 512;
    /** Longest run length kept by a BOCPD belief or the ideal observer (r-max). */
    public static final int MAX_R_MAX = 1_000_000;
    /** Bins of a run's loss curve ({@code metrics.bins}). */
    public static final int MAX_BINS = 100_000;
    /** Lags of the switch-aligned loss ({@code metrics.aligned-lags}); 0 is allowed. */
    public static final int MAX_ALIGNED_LAGS = 100_000;
    /** Steps of one run. */
    public static final long MAX_STEPS = 1_000_000_000_000L;
    /** Seeds of a sweep (a count, or the length of a list). */
    public static final int MAX_SEEDS = 1_000_000;

    private SizeLimits() {}
}
