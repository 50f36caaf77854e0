package org.driftlab.core.belief;

/**
 * BOCPD's conjugate observation model; it also fixes the evidence the learner emits (DESIGN §6):
 * Gaussian on z (quadratic tasks), Normal–Gamma on the scalar observed loss, Bayesian linear regression
 * on the minibatch samples (x, y).
 */
public sealed interface ObservationModelSpec
        permits GaussianModelSpec, NormalGammaModelSpec, LinearRegressionModelSpec {}
