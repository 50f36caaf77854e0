package org.driftlab.core.reset;

/**
 * Partial reset: when p_change(window) crosses tau, θ ← θ + p·(θ_reset − θ) with p = p_change at that
 * step (the Bayes answer when the new optimum is drawn from the init prior).
 */
public record BeliefSoftSpec(BeliefTrigger trigger) implements BeliefTriggeredSpec {
    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new BeliefSoftPolicy(this, context);
    }
}
