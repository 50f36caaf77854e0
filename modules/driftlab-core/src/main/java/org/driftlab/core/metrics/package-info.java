/**
 * Metrics of one run (DESIGN §8): mean loss and excess loss L_t(θ_t) − L_t(w*_t); the discounted objective
 * J = Σ_t e^{−γ t dt} [ (1/2η)|Δθ_t|²/dt + k L_t(θ_t) dt ] (G = I, f = 0, Δθ_t the rule's move);
 * switches, resets, detections within D steps with their delays, false alarms, missed switches; binned loss
 * curves; switch-aligned excess loss at lags 0..L; final distance |θ − w*|; divergence; for MLP learners the
 * plasticity curves of the hidden layer per bin (effective rank exp(−Σ p_k ln p_k), p_k = σ_k/Σσ, of the last N
 * examples' activations, Roy &amp; Vetterli 2007; fraction of units exactly 0 on all of them). See
 * {@link org.driftlab.core.metrics.RunAccumulator} for the exact conventions.
 */
package org.driftlab.core.metrics;
