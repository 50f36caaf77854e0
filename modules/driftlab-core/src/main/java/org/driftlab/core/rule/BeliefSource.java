package org.driftlab.core.rule;

/**
 * Where the optimal-control rule's quadratic belief (gradient estimate m, curvature V) comes from (DESIGN §5).
 */
public enum BeliefSource {
    /** The true gradient and the task's Hessian. */
    ORACLE,
    /** The noisy observed gradient and the task's Hessian. */
    OBSERVED,
    /** A Kalman filter on g under an Ornstein–Uhlenbeck prior for m; an average of g² for V. */
    FILTERED,
    /**
     * The run's BOCPD belief (Gaussian model) on the evidence of the optimum: m = H(θ − E[w* | z_1:t]) with the
     * mixture posterior mean E[w* | z_1:t] = Σ_r P(r_t = r) μ_r, V = H. The rule steers toward the Bayes estimate
     * and so "resets" by itself when the belief shifts (DESIGN §6), with no reset policy.
     */
    BELIEF
}
