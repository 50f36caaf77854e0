package org.driftlab.core.belief;

/**
 * BOCPD's conjugate observation model; it also fixes the evidence the learner emits (DESIGN §6):
 * Gaussian on z (quadratic tasks), Normal–Gamma on the scalar observed loss, Bayesian linear regression
 * on the minibatch samples (x, y); for learners without a known curvature, variance-change and
 * log-normal-gamma on the snapshot residual (evidence that does not depend on the learner's current θ).
 */
public sealed interface ObservationModelSpec
        permits GaussianModelSpec, NormalGammaModelSpec, LinearRegressionModelSpec, VarianceChangeModelSpec,
                LogNormalGammaModelSpec {}
