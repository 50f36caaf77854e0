package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * Partial reset: when p_change(window) crosses tau, θ ← θ + p·(θ_reset − θ) with p = p_change at that
 * step (the Bayes answer when the new optimum is drawn from the init prior).
 */
public record BeliefSoftSpec(double tau, int window, ResetTarget target, boolean resetRuleState) implements ResetSpec {
    public BeliefSoftSpec {
        Require.openUnit("tau", tau);
        Require.positive("window", window);
        Require.nonNull("target", target);
    }

    @Override
    public boolean needsBelief() {
        return true;
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new BeliefSoftPolicy(this, context);
    }
}
