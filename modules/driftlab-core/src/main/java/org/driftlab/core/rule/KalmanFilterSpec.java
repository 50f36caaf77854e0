package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * Settings of the {@code filtered} belief source. The true gradient is modelled per coordinate as an
 * Ornstein–Uhlenbeck process with relaxation {@code rate} per step and stationary variance
 * {@code processVar}; each observation adds noise of variance {@code noiseVar}. V is an exponential average
 * of g² with factor {@code beta2} (floored at {@code eps}), as in Adam's second moment.
 */
public record KalmanFilterSpec(double rate, double processVar, double noiseVar, double beta2, double eps) {
    public KalmanFilterSpec {
        Require.openUnit("filter.rate", rate);
        Require.positive("filter.process-var", processVar);
        Require.positive("filter.noise-var", noiseVar);
        Require.unitFromZero("filter.beta2", beta2);
        Require.positive("filter.eps", eps);
    }
}
