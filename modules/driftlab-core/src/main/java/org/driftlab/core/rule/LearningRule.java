package org.driftlab.core.rule;

import org.driftlab.core.stream.TaskView;

/**
 * θ ← θ − Δ(g; state). Confined to one learner; {@link #step}, {@link #reset} and {@link #copyStateFrom}
 * allocate nothing.
 */
public interface LearningRule {
    int dim();

    /**
     * One update. {@code grad} (the observed gradient at θ) is not modified; the rule's state, then
     * {@code theta}, are. {@code task} is consulted only by rules whose spec asks for task knowledge.
     */
    void step(double[] theta, double[] grad, TaskView task);

    /** As freshly built: moments 0, step count 0. */
    void reset();

    /**
     * Resets the state belonging to entries {@code from … to − 1} of θ as if those entries were freshly built,
     * leaving the other entries' state alone (continual backprop re-initialises single units, DESIGN §7):
     * per-entry moments to their initial values; Adam also restarts those entries' own step count, so their
     * bias correction starts again (as Dohare et al.'s AdamGnT does). Rules whose state couples entries reset
     * the coupling terms of those entries (natural gradient's F: their rows and columns); the ideal observer,
     * whose belief is joint over all entries, supports only the whole range (else
     * UnsupportedOperationException). {@code resetEntries(0, dim())} is equivalent to {@link #reset()}.
     * Allocates nothing.
     *
     * @throws IndexOutOfBoundsException unless 0 ≤ from ≤ to ≤ dim()
     */
    void resetEntries(int from, int to);

    /** Makes this rule a twin of {@code other}: same spec and dim, else IllegalArgumentException. */
    void copyStateFrom(LearningRule other);
}
