package org.driftlab.core.reset;

import org.driftlab.core.belief.TaskBelief;

/** Orders a full reset to the target at every step with p_change(w) &gt; τ (p_change counts only switches after the last reset). */
final class BeliefThresholdPolicy extends BeliefTriggeredPolicy {
    BeliefThresholdPolicy(BeliefThresholdSpec spec, ResetContext context) {
        super(spec, spec.tau(), spec.window(), context);
    }

    @Override
    public ResetOrder onBelief(long step, double pChange, TaskBelief belief) {
        return pChange > tau ? order(step, 1.0, belief, window) : null;
    }
}
