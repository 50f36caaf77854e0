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

    /** Bayesian linear regression on regression evidence: batch B rows of (x_1 … x_p, y). */
    @Override
    public RunModel newModel(EvidenceInfo info, int maxRunLength) {
        int w = info.width();
        int b = info.batch();
        if (b <= 0)
            throw new IllegalArgumentException(
                    "linear-regression model needs regression evidence (batch > 0), got batch " + b);
        if (w % b != 0 || w / b < 2) {
            throw new IllegalArgumentException("linear-regression evidence width " + w + " is not batch " + b
                    + " rows of (x_1..x_p, y) with p >= 1");
        }
        return new LinearRegressionRunModel(this, w / b - 1, b, maxRunLength);
    }
}
