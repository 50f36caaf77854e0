package org.driftlab.core.reset;

/**
 * The causal oracle: at the first step of a new task, after that step's observation (whose loss is paid at the
 * old weights), resets to the target before the step's update, which is recomputed from there (DESIGN §7).
 */
final class OracleResetPolicy extends AbstractResetPolicy {
    OracleResetPolicy(OracleResetSpec spec, ResetContext context) {
        super(spec, context);
    }

    @Override
    public boolean beforeUpdate(long step, boolean switched, double[] theta) {
        if (!switched) return false;
        reset(theta, 1.0);
        return true;
    }
}
