/**
 * Task belief: online Bayesian inference over task switches (DESIGN §6).
 *
 * <p>{@link org.driftlab.core.belief.Bocpd}: Adams &amp; MacKay's changepoint recursion with constant hazard H,
 * in log space, r_t the number of observations in the current run after step t:
 * P(r_t = r+1, x_1:t) = P(r_{t−1} = r, x_1:t−1)·π_r(x_t)·(1 − H) and
 * P(r_t = 0, x_1:t) = Σ_r P(r_{t−1} = r, x_1:t−1)·π_r(x_t)·H, so P(r_t = 0 | x_1:t) = H.
 * Conjugate predictives π_r: Gaussian with known noise (per dimension, shared run length), Normal–Gamma
 * (Student-t; Murphy 2007), Bayesian linear regression with unknown noise (Student-t per sample, a minibatch's
 * joint predictive by sequential updates), and for learners without a known curvature, on the snapshot residual
 * (the residual of weights frozen at the start and after each reset, on each fresh sample): variance-change
 * (zero-mean Normal, inverse-gamma variance; Student-t at location 0) and log-normal-gamma (Normal–Gamma on
 * log|x|, the robust choice for heavy tails: a variance-stabilising transform keeps the model conjugate, where
 * Student-t observations would need an approximate posterior). Their open prior parameters follow a declared
 * empirical-Bayes rule ({@code PriorCalibration}): the first observations set them and start no run. Pruning
 * below a tolerance and the r_max cap (a sliding window of the last r_max observations, see {@code Bocpd}) are
 * the only approximations.
 *
 * <p>{@link org.driftlab.core.belief.TaskFilter}: the forward algorithm over K known tasks (stay 1 − ρ, else
 * uniform over the others), with the task posterior and the exact posterior mean run length.
 *
 * <p>Switch signal: p_change(w) = P(r_t ≤ min(w, n_t) − 1 | x_1:t), n_t the steps since the start or the last
 * {@code markReset()} (the HMM's variant is documented on its class). The Gaussian model's Bayes point estimate
 * E[μ | x_1:t] = Σ_r P(r_t = r)·μ_r drives the ideal observer ({@code org.driftlab.core.rule}).
 * {@link org.driftlab.core.belief.TaskBeliefs} builds a belief from a {@link org.driftlab.core.belief.BeliefSpec}
 * and the evidence's {@link org.driftlab.core.belief.EvidenceInfo}; {@link org.driftlab.core.belief.BeliefSeries}
 * runs one over a recorded series.
 */
package org.driftlab.core.belief;
