package org.driftlab.core.reset;

/** Where a reset sends the weights (DESIGN §7). */
public enum ResetTarget {
    /** The run's initial weights. */
    INIT,
    /** The prior mean μ0·1. */
    PRIOR_MEAN,
    /** A fresh draw from the init distribution (POLICY stream). */
    FRESH_DRAW
}
