package org.driftlab.core.sim;

import org.driftlab.core.spec.RunSpec;

/**
 * The belief side of one run (DESIGN §9): the task-belief model and the belief-driven reset policy
 * (belief-threshold, belief-soft, recall). Consumes the learner's evidence step by step and stops right
 * after the first step at which it orders a reset, so its state is then exactly that of lockstep execution.
 * Confined to one thread.
 */
public final class BeliefMonitor {
    private BeliefMonitor() {}

    public static BeliefMonitor start(RunSpec spec) {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /**
     * Consumes the evidence of steps {@code firstStep … firstStep + steps − 1} (layout as written by
     * {@link Learner#runChunk}) in order; returns the first reset ordered, after which nothing more is
     * consumed, or null when none. {@code firstStep} must be the next step this monitor expects.
     */
    public ResetOrder consume(long firstStep, int steps, double[] evidence) {
        throw new UnsupportedOperationException("TODO(sim)");
    }
}
