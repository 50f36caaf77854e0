package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * A belief-driven reset of an MLP learner (issue 17, item 3): when p_change(window) &gt; tau, re-initialise the
 * {@code scope} of the network ({@link MlpResetScope}: the whole network, the output layer, or the
 * ⌈{@code fraction}·H⌉ hidden units of lowest contribution utility, with utility decay η = {@code decay}) from
 * the learner's init distribution. {@code resetRuleState}: the rule's whole state is reset with it.
 * {@code fraction} and {@code decay} matter for the unit scope only. Needs a belief and an MLP learner.
 */
public record BeliefMlpSpec(
        double tau, int window, MlpResetScope scope, double fraction, double decay, boolean resetRuleState)
        implements BeliefTriggeredSpec {
    public BeliefMlpSpec {
        new BeliefTrigger(tau, window, ResetTarget.FRESH_DRAW, resetRuleState); // its invariants
        Require.nonNull("scope", scope);
        Require.closedUnit("fraction", fraction);
        Require.unitFromZero("decay", decay);
    }

    /** Fresh draws from the learner's init distribution. */
    @Override
    public ResetTarget target() {
        return ResetTarget.FRESH_DRAW;
    }

    /** The trigger these components describe, with the fresh-draw target. */
    @Override
    public BeliefTrigger trigger() {
        return new BeliefTrigger(tau, window, ResetTarget.FRESH_DRAW, resetRuleState);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new BeliefMlpPolicy(this, context);
    }
}
