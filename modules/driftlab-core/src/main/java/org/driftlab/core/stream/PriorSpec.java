package org.driftlab.core.stream;

import org.driftlab.core.check.Require;

/**
 * The isotropic Gaussian N(mean·1, std²·I) from which task optima are drawn at each switch and initial
 * weights are drawn at the start (the same distribution, so "reset to init" is "return to the prior").
 */
public record PriorSpec(double mean, double std) {
    public PriorSpec {
        Require.finite("prior.mean", mean);
        Require.positive("prior.std", std);
    }

    public static PriorSpec standard() {
        return new PriorSpec(0.0, 1.0);
    }
}
