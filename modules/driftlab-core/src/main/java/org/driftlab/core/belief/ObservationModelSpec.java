package org.driftlab.core.belief;

/**
 * BOCPD's conjugate observation model; it also fixes the evidence the learner emits (DESIGN §6):
 * Gaussian on z (quadratic tasks), Normal–Gamma on the scalar observed loss, Bayesian linear regression
 * on the minibatch samples (x, y); for learners without a known curvature, variance-change and
 * log-normal-gamma on the snapshot residual (evidence that does not depend on the learner's current θ).
 */
public sealed interface ObservationModelSpec
        permits GaussianModelSpec,
                NormalGammaModelSpec,
                LinearRegressionModelSpec,
                VarianceChangeModelSpec,
                LogNormalGammaModelSpec {
    /**
     * A fresh run model of this spec for {@code info}'s evidence, its workspaces sized for run lengths up to
     * {@code maxRunLength}: the only place a model is built.
     *
     * @throws IllegalArgumentException when the evidence does not fit the model (width, batch, missing noise)
     */
    RunModel newModel(EvidenceInfo info, int maxRunLength);
}
