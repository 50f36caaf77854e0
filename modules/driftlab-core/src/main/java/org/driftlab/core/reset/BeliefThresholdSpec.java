package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/** Reset when p_change(window) > tau (DESIGN §6–7); p_change counts only switches after the last reset. */
public record BeliefThresholdSpec(double tau, int window, ResetTarget target, boolean resetRuleState) implements ResetSpec {
    public BeliefThresholdSpec {
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
        return new BeliefThresholdPolicy(this, context);
    }
}
