package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * Bayesian linear regression y = w·x + ε with w | τ ~ N(0, priorVar/τ · I), noise precision
 * τ ~ Gamma(alpha0, rate beta0); the predictive of each sample is Student-t.
 */
public record LinearRegressionModelSpec(double priorVar, double alpha0, double beta0) implements ObservationModelSpec {
    public LinearRegressionModelSpec {
        Require.positive("prior-var", priorVar);
        Require.positive("alpha0", alpha0);
        Require.positive("beta0", beta0);
    }
}
