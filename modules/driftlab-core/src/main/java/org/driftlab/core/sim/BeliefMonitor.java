package org.driftlab.core.sim;

import org.driftlab.core.spec.RunSpec;

/**
 * The belief side of one run (DESIGN §9): the task-belief model and the belief-driven reset policy
 * (belief-threshold, belief-soft, recall). Consumes the learner's evidence step by step and stops at the
 * first step at which it orders a reset. Confined to one thread.
 */
public final class BeliefMonitor {
    private BeliefMonitor() {}

    public static BeliefMonitor start(RunSpec spec) {
        throw new UnsupportedOperationException("TODO(sim)");
    }
}
