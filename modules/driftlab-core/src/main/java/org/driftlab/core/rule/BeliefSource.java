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
    FILTERED
}
