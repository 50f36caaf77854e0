package org.driftlab.core.stream;

/**
 * What a stream writes each step for the task belief (DESIGN §6); chosen by the run's belief model.
 * Widths are in doubles per step, for a stream of dimension d and minibatch size B.
 */
public enum EvidenceKind {
    /** No evidence (width 0): the run has no belief. */
    NONE,
    /**
     * Quadratic tasks only: z = θ − H⁻¹g, an unbiased observation of the optimum, in the Hessian's
     * eigenbasis (width d). For a diagonal H the coordinates are z itself; for a rotated H they are
     * Qᵀ(z − μ0·1), centred so that the isotropic prior N(μ0·1, σ0²I) becomes N(0, σ0²I) there. The
     * noise of coordinate i is N(0, σ_g²/λ_i²).
     */
    OPTIMUM,
    /**
     * A scalar observed loss (width 1): ½ gᵀH⁻¹g for quadratic tasks (= ½(θ − z)ᵀH(θ − z), no extra
     * draw), the minibatch loss ½·mean((θ·x − y)²) for linear regression.
     */
    LOSS,
    /** Linear regression only: the minibatch as B rows (x_1 … x_d, y), width B·(d + 1). */
    SAMPLES,
    /**
     * Regression streams (linear, slowly-changing): the residual ŷ − y of a snapshot of the weights, frozen
     * by the learner at the run's start and after each reset, on this step's fresh sample (width 1; the
     * minibatch mean for linear regression). The {@code theta} handed to
     * {@link TaskStream#writeEvidence} is that snapshot. Within a task and between resets its distribution
     * does not move, whatever the learner does: no learning trend, and a reset manufactures no change.
     */
    SNAPSHOT_RESIDUAL;

    /** True when the learner hands the stream its frozen weight snapshot rather than θ. */
    public boolean usesSnapshot() {
        return this == SNAPSHOT_RESIDUAL;
    }
}
