package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * Reset exactly when the task switches (DESIGN §7). The causal oracle ({@code prescient} false, type
 * {@code oracle}) knows the switch times and resets at the first step of each new task after that step's
 * observation, so it pays that step's loss at the old weights; the step's update is recomputed from the target.
 * The prescient oracle ({@code prescient} true, type {@code oracle-prescient}) resets before that observation:
 * a reference no learner can reach.
 */
public record OracleResetSpec(ResetTarget target, boolean resetRuleState, boolean prescient) implements ResetSpec {
    public OracleResetSpec {
        Require.nonNull("target", target);
    }

    /** The causal oracle. */
    public OracleResetSpec(ResetTarget target, boolean resetRuleState) {
        this(target, resetRuleState, false);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new OracleResetPolicy(this, context);
    }
}
