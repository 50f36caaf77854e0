package org.driftlab.core.reset;

import org.driftlab.core.spec.Require;

/**
 * The causal oracle (DESIGN §7): knows the switch times, and resets at the first step of each new task after
 * that step's observation, so it pays that step's loss at the old weights; the step's update is recomputed from
 * the target. The best a learner told of each switch as it happens can do; {@link PrescientOracleResetSpec}
 * resets before the observation.
 */
public record OracleResetSpec(ResetTarget target, boolean resetRuleState) implements ResetSpec {
    public OracleResetSpec {
        Require.nonNull("target", target);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new OracleResetPolicy(this, context);
    }
}
