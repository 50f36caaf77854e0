package org.driftlab.core.reset;

/** Where a reset sends the weights (DESIGN §7). */
public enum ResetTarget {
    /** The run's initial weights. */
    INIT,
    /** The prior mean μ0·1. */
    PRIOR_MEAN,
    /** A fresh draw from the init distribution (POLICY stream). */
    FRESH_DRAW,
    /**
     * The new run's posterior mean of the optimum: the conjugate Gaussian posterior of the run since the estimated
     * change point, as the belief holds it when it orders the reset (belief-driven policies with a Gaussian BOCPD).
     */
    POSTERIOR_MEAN
}
