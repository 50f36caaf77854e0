package org.driftlab.core.reset;

/**
 * A reset decided by the task belief from step {@code step}'s observation (0-based), carried out before that
 * step's update (DESIGN §7): θ ← θ + fraction·(θ_reset − θ) (fraction 1 for a full reset), θ_reset the
 * policy's target, or {@code target} when the belief supplies it (the posterior-mean target; null otherwise;
 * handed off: nobody modifies it). {@code recallTask} ≥ 0 asks the learner to keep its weights for
 * {@code assumedTask} and load those kept for {@code recallTask}; both −1 otherwise. {@code rewind} ≥ 0 (recall
 * only, 0 otherwise): the belief's estimate of how many steps before {@code step} the recalled task began, so
 * that the weights kept for the assumed task are those from before the first update on the new task (the
 * estimated change point step − rewind), not those at detection. A record holding an array compares it by
 * identity (STYLE C6).
 */
public record ResetOrder(long step, double fraction, int assumedTask, int recallTask, double[] target, int rewind) {
    public ResetOrder {
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (!(fraction > 0 && fraction <= 1))
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        if (rewind < 0 || rewind > step)
            throw new IllegalArgumentException("rewind must be in [0, step = " + step + "], got " + rewind);
    }

    /** An order that rewinds nothing (every policy but recall). */
    public ResetOrder(long step, double fraction, int assumedTask, int recallTask, double[] target) {
        this(step, fraction, assumedTask, recallTask, target, 0);
    }

    /** An order without a target of the belief's. */
    public ResetOrder(long step, double fraction, int assumedTask, int recallTask) {
        this(step, fraction, assumedTask, recallTask, null, 0);
    }

    public static ResetOrder full(long step) {
        return new ResetOrder(step, 1.0, -1, -1);
    }
}
