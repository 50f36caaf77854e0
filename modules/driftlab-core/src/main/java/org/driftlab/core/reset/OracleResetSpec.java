package org.driftlab.core.reset;

import org.driftlab.core.spec.Require;

/** Reset exactly when the task switches (before the first step of each new task): an upper reference. */
public record OracleResetSpec(ResetTarget target, boolean resetRuleState) implements ResetSpec {
    public OracleResetSpec {
        Require.nonNull("target", target);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new OracleResetPolicy(this, context);
    }
}
