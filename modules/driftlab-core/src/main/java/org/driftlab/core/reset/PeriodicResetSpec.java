package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/** Reset after every {@code period}-th step (after steps period−1, 2·period−1, …, 0-based). */
public record PeriodicResetSpec(long period, ResetTarget target, boolean resetRuleState) implements ResetSpec {
    public PeriodicResetSpec {
        Require.positive("period", period);
        Require.nonNull("target", target);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new PeriodicResetPolicy(this, context);
    }
}
