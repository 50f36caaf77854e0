package org.driftlab.core.reset;

/**
 * The prescient oracle: resets to the target before the first step of a new task, before its observation, so
 * the switch step's loss is already paid at the reset weights. No learner can do this (it acts on the switch
 * before any evidence of it); a named reference only.
 */
final class PrescientOracleResetPolicy extends AbstractResetPolicy {
    PrescientOracleResetPolicy(PrescientOracleResetSpec spec, ResetContext context) {
        super(spec, context);
    }

    @Override
    public boolean beforeStep(long step, boolean switched, double[] theta) {
        if (!switched) return false;
        reset(theta, 1.0);
        return true;
    }
}
