package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * Zero-mean Normal observations with an unknown variance: x | σ² ~ N(0, σ²), σ² ~ Inverse-Gamma(alpha0,
 * scale beta0); the predictive is Student-t with 2α degrees of freedom, location 0 and scale² β/α. Made for
 * residuals whose scale, not mean, changes with the task (the snapshot residual evidence).
 *
 * @param alpha0      shape of the variance prior (&gt; 0); the prior predictive has 2·alpha0 degrees of freedom
 * @param beta0       scale of the variance prior (&gt; 0), or null: the empirical-Bayes rule beta0 = alpha0 ·
 *                    mean(x²) over the first {@code calibration} observations, so the prior's expected
 *                    precision α0/β0 is the inverse of the calibration's mean square
 * @param calibration observations that set beta0 when it is null (&gt; 0; ignored otherwise)
 */
public record VarianceChangeModelSpec(double alpha0, Double beta0, int calibration) implements ObservationModelSpec {
    public VarianceChangeModelSpec {
        Require.positive("alpha0", alpha0);
        if (beta0 != null) Require.positive("beta0", beta0);
        Require.positive("calibration", calibration);
    }

    /** The variance-change model on scalar evidence (width 1). */
    @Override
    public RunModel newModel(EvidenceInfo info, int maxRunLength) {
        info.requireScalar("variance-change");
        return new VarianceChangeRunModel(this, maxRunLength);
    }
}
