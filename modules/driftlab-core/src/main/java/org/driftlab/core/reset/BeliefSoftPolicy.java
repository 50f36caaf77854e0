package org.driftlab.core.reset;

import org.driftlab.core.belief.TaskBelief;

/**
 * Orders the partial reset θ ← θ + p·(θ_reset − θ), p = p_change(w), when p crosses τ upward: p ≤ τ at the
 * previous step (or a reset ordered there), p &gt; τ now.
 */
final class BeliefSoftPolicy extends BeliefTriggeredPolicy {
    private boolean wasAbove; // belief side: p_change > τ at the previous step, and no order there

    BeliefSoftPolicy(BeliefSoftSpec spec, ResetContext context) {
        super(spec, spec.tau(), spec.window(), context);
    }

    @Override
    public ResetOrder onBelief(long step, double pChange, TaskBelief belief) {
        boolean above = pChange > tau;
        if (above && !wasAbove) {
            wasAbove =
                    false; // p_change restarts from 0 at a reset (DESIGN §6): the next value above τ is a new crossing
            return order(step, Math.min(1.0, pChange), belief, window);
        }
        wasAbove = above;
        return null;
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        super.copyStateFrom(other);
        wasAbove = ((BeliefSoftPolicy) other).wasAbove;
    }
}
