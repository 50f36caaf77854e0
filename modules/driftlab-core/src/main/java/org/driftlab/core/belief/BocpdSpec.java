package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * Bayesian online changepoint detection (Adams &amp; MacKay 2007) with constant {@code hazard}, run lengths
 * pruned when their posterior falls below {@code pruneTolerance} (0 = exact) and capped at
 * {@code maxRunLength} (the longest run length kept; longer runs are merged into it).
 */
public record BocpdSpec(double hazard, ObservationModelSpec model, double pruneTolerance, int maxRunLength)
        implements BeliefSpec {
    public BocpdSpec {
        Require.openUnit("hazard", hazard);
        Require.nonNull("model", model);
        if (!(pruneTolerance >= 0 && pruneTolerance < 1)) {
            throw new IllegalArgumentException("prune must be in [0, 1), got " + pruneTolerance);
        }
        Require.positive("r-max", maxRunLength);
    }
}
