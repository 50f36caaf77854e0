package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * Normal–Gamma model of a scalar series (unknown mean and precision): μ | τ ~ N(mu0, 1/(kappa0 τ)),
 * τ ~ Gamma(alpha0, rate beta0); the predictive is Student-t.
 */
public record NormalGammaModelSpec(double mu0, double kappa0, double alpha0, double beta0)
        implements ObservationModelSpec {
    public NormalGammaModelSpec {
        Require.finite("mu0", mu0);
        Require.positive("kappa0", kappa0);
        Require.positive("alpha0", alpha0);
        Require.positive("beta0", beta0);
    }

    /** The Normal–Gamma model on scalar evidence (width 1). */
    @Override
    public RunModel newModel(EvidenceInfo info, int maxRunLength) {
        if (info.width() != 1)
            throw new IllegalArgumentException(
                    "normal-gamma model needs scalar evidence (width 1), got width " + info.width());
        return new NormalGammaRunModel(this, maxRunLength);
    }
}
