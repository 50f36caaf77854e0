package org.driftlab.core.reset;

/** Resets to the target when the task switched, before the first step of the new task. */
final class OracleResetPolicy extends AbstractResetPolicy {
    OracleResetPolicy(OracleResetSpec spec, ResetContext context) {
        super(spec, context);
    }

    @Override
    public boolean beforeStep(long step, boolean switched, double[] theta) {
        if (!switched) return false;
        reset(theta, 1.0);
        return true;
    }
}
