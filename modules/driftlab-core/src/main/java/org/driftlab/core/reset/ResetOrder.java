package org.driftlab.core.reset;

/**
 * A reset decided by the task belief, applied right after step {@code step} (0-based) has updated the
 * weights: θ ← θ + fraction·(θ_reset − θ) (fraction 1 for a full reset). {@code recallTask} ≥ 0 asks the
 * learner to keep its weights for {@code assumedTask} and load those kept for {@code recallTask}; both −1
 * otherwise.
 */
public record ResetOrder(long step, double fraction, int assumedTask, int recallTask) {
    public ResetOrder {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }

    public static ResetOrder full(long step) {
        return new ResetOrder(step, 1.0, -1, -1);
    }
}
