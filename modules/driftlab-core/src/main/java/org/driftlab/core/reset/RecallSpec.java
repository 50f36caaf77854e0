package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * Recall with the HMM filter: when the posterior of a task other than the one the learner assumes exceeds
 * {@code tau}, keep the current weights for the assumed task and load those kept for the new one (the
 * initial weights when it has none yet).
 */
public record RecallSpec(double tau, boolean resetRuleState) implements ResetSpec {
    public RecallSpec {
        Require.openUnit("tau", tau);
    }

    @Override
    public boolean needsBelief() {
        return true;
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new RecallPolicy(this, context);
    }
}
