package org.driftlab.core.spec;

/**
 * Size caps that apply outside a config file, read from the declared {@link ConfigSchema} so that a CLI flag
 * setting the same size as a config key is bounded by the same number (every config key's own cap is in the
 * schema). What a whole sweep needs together is estimated from the specs and checked against the heap before
 * it starts (docs/SCALE.md).
 */
public final class SizeLimits {
    /** Longest run length a BOCPD keeps: the schema's bound on {@code belief.r-max}, also {@code belief --r-max}'s. */
    public static final int MAX_R_MAX = Math.toIntExact(BeliefConfig.R_MAX.max());

    private SizeLimits() {}
}
