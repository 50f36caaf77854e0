/**
 * Metrics of one run (DESIGN §8): mean loss and excess loss L_t(θ_t) − L_t(w*_t); the discounted objective
 * J = Σ_t e^{−γ t dt} [ (1/2η)|Δθ_t|²/dt + k L_t(θ_t) dt ] (G = I, f = 0, Δθ_t the rule's move);
 * switches, resets, detections within D steps with their delays, false alarms, missed switches; binned loss
 * curves; switch-aligned excess loss at lags 0..L; final distance |θ − w*|; divergence. See
 * {@link org.driftlab.core.metrics.RunAccumulator} for the exact conventions.
 */
package org.driftlab.core.metrics;
