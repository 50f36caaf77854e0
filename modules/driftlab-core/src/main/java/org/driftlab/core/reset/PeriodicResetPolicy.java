package org.driftlab.core.reset;

import org.driftlab.core.rule.LearningRule;

/** Resets to the target after steps period − 1, 2·period − 1, … (0-based). */
final class PeriodicResetPolicy extends AbstractResetPolicy {
    private final long period;

    PeriodicResetPolicy(PeriodicResetSpec spec, ResetContext context) {
        super(spec, context);
        this.period = spec.period();
    }

    @Override
    public boolean afterStep(long step, double[] theta, LearningRule rule) {
        if ((step + 1) % period != 0) return false;
        reset(theta, 1.0);
        return true;
    }
}
