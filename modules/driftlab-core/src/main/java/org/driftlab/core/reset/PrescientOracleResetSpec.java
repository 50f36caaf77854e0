package org.driftlab.core.reset;

import org.driftlab.core.spec.Require;

/**
 * Reset exactly when the task switches, before the first step of each new task and before its observation:
 * the prescient oracle, a reference no learner can reach (DESIGN §7). {@link OracleResetSpec} is the causal one.
 */
public record PrescientOracleResetSpec(ResetTarget target, boolean resetRuleState) implements ResetSpec {
    public PrescientOracleResetSpec {
        Require.nonNull("target", target);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new PrescientOracleResetPolicy(this, context);
    }
}
