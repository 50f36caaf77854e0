package org.driftlab.core.belief;

/**
 * Online posterior over task switches, fed one observation per step (DESIGN §6). Confined to one learner;
 * {@link #observe} allocates nothing. Steps are counted from 1 (the first observation is t = 1).
 */
public interface TaskBelief {
    /** Doubles per observation. */
    int width();

    /** Consumes the observation {@code x[offset], …, x[offset + width − 1]}; x is not modified. */
    void observe(double[] x, int offset);

    /** Observations consumed since build or {@link #reset}. */
    long steps();

    /** The run length (or, for an HMM, steps since the assumed task began) with the highest posterior. */
    int mapRunLength();

    /** The posterior mean run length. */
    double meanRunLength();

    /**
     * p_change(w) = P(r_t ≤ min(w, n_t) − 1 | x_1:t), n_t the observations since the start or the last
     * {@link #markReset}: the probability that the task switched within the last w steps and after the
     * last reset (DESIGN §6). 0 right after a reset.
     */
    double pChange(int window);

    /**
     * out ← the posterior mean of the task's location given the observations since the estimated change point
     * within the last {@code window} steps (the most probable run length among those p_change(window) counts,
     * an empty run only when it is the one), in evidence coordinates; {@code out} has the location's width.
     * Allocates nothing.
     *
     * @throws IllegalStateException for a belief that keeps no conjugate posterior per run
     */
    default void newRunPosteriorMean(int window, double[] out) {
        throw new IllegalStateException(getClass().getSimpleName() + " keeps no posterior mean per run");
    }

    /** Records that the learner reset after the latest observation: n_t restarts from 0. */
    void markReset();

    /** As freshly built. */
    void reset();
}
