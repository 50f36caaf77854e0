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

    /** Makes this rule a twin of {@code other}: same spec and dim, else IllegalArgumentException. */
    void copyStateFrom(LearningRule other);
}
