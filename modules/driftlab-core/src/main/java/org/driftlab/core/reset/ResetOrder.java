package org.driftlab.core.reset;

/**
 * A reset decided by the task belief from step {@code step}'s observation (0-based), carried out before that
 * step's update (DESIGN §7): θ ← θ + fraction·(θ_reset − θ) (fraction 1 for a full reset), θ_reset the
 * policy's target, or {@code target} when the belief supplies it (the posterior-mean target; null otherwise;
 * handed off: nobody modifies it). {@code recallTask} ≥ 0 asks the learner to keep its weights for
 * {@code assumedTask} and load those kept for {@code recallTask}; both −1 otherwise. A record holding an array
 * compares it by identity (STYLE C6).
 */
public record ResetOrder(long step, double fraction, int assumedTask, int recallTask, double[] target) {
    public ResetOrder {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (!(fraction > 0 && fraction <= 1))
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }

    /** An order without a target of the belief's. */
    public ResetOrder(long step, double fraction, int assumedTask, int recallTask) {
        this(step, fraction, assumedTask, recallTask, null);
    }

    public static ResetOrder full(long step) {
        return new ResetOrder(step, 1.0, -1, -1);
    }
}
