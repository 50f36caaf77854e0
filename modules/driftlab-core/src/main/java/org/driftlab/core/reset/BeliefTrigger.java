package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * When a belief-triggered policy acts and where it sends the weights (DESIGN §6–7): when p_change(window) crosses
 * {@code tau} (in (0, 1)), with the window in steps (≥ 1); a reset moves the weights toward {@code target} and, when
 * {@code resetRuleState}, resets the rule's state. The policies differ in how far they move, not in these values.
 */
public record BeliefTrigger(double tau, int window, ResetTarget target, boolean resetRuleState) {
    public BeliefTrigger {
        Require.openUnit("tau", tau);
        Require.positive("window", window);
        Require.nonNull("target", target);
    }
}
