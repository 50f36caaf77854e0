package org.driftlab.core.reset;

/** Reset when p_change(window) > tau (DESIGN §6–7); p_change counts only switches after the last reset. */
public record BeliefThresholdSpec(double tau, int window, ResetTarget target, boolean resetRuleState)
        implements BeliefTriggeredSpec {
    public BeliefThresholdSpec {
        BeliefTriggeredSpec.check(tau, window, target);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new BeliefThresholdPolicy(this, context);
    }
}
