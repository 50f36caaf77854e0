package org.driftlab.core.reset;

/** Reset when p_change(window) > tau (DESIGN §6–7); p_change counts only switches after the last reset. */
public record BeliefThresholdSpec(BeliefTrigger trigger) implements BeliefTriggeredSpec {
    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new BeliefThresholdPolicy(this, context);
    }
}
