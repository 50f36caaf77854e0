package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * The robust model for heavy-tailed evidence: the {@link NormalGammaModelSpec Normal–Gamma} model on
 * v = log|x| (a variance-stabilising transform: a scale change of x is a level change of v, and a power-law
 * tail of x becomes an exponential tail of v, so one outlier moves v by a few units rather than by orders of
 * magnitude). Chosen over Student-t observations because it keeps the predictive in closed form, so the
 * recursion stays exact (a Student-t scale mixture is not conjugate and needs an approximate posterior). An
 * x of exactly 0 is taken as the smallest normal double, whose log (about −708) is an extreme outlier: the
 * model suits continuous residuals, which are never exactly 0. Predictive densities (and so the belief's
 * log evidence) are those of log|x|; the run-length posterior is the same as for x, the Jacobian being common
 * to every run.
 *
 * @param mu0         prior mean of v, or null: the mean of v over the first {@code calibration} observations
 * @param kappa0      pseudo-observations of the mean (&gt; 0)
 * @param alpha0      shape of the precision's gamma prior (&gt; 0)
 * @param beta0       rate of the precision's gamma prior (&gt; 0), or null: alpha0 · the variance of v over the
 *                    first {@code calibration} observations (so the prior's expected precision is its inverse)
 * @param calibration observations that set the open parameters (≥ 2 when beta0 is null, since one value has
 *                    no spread; ignored when both are given)
 */
public record LogNormalGammaModelSpec(Double mu0, double kappa0, double alpha0, Double beta0, int calibration)
        implements ObservationModelSpec {
    public LogNormalGammaModelSpec {
        NormalGammaModelSpec.checkPrior(mu0, kappa0, alpha0, beta0);
        Require.positive("calibration", calibration);
        if (beta0 == null && calibration < 2) {
            throw new IllegalArgumentException(
                    "calibration must be >= 2 when beta0 is set from the data, got " + calibration);
        }
    }

    /** True when mu0 or beta0 is set from the first observations. */
    boolean calibrated() {
        return mu0 == null || beta0 == null;
    }

    /** The log-normal-gamma model on scalar evidence (width 1). */
    @Override
    public RunModel newModel(EvidenceInfo info, int maxRunLength) {
        info.requireScalar("log-normal-gamma");
        return new NormalGammaRunModel(this, maxRunLength);
    }
}
