package org.driftlab.core.reset;

/**
 * Resets to the target when the task switched. Causal ({@code oracle}): at the first step of the new task,
 * after that step's observation (whose loss is paid at the old weights), before its update, which is recomputed
 * from the target (DESIGN §7). Prescient ({@code oracle-prescient}): before that step's observation.
 */
final class OracleResetPolicy extends AbstractResetPolicy {
    private final boolean prescient;

    OracleResetPolicy(OracleResetSpec spec, ResetContext context) {
        super(spec, context);
        this.prescient = spec.prescient();
    }

    @Override
    public boolean beforeStep(long step, boolean switched, double[] theta) {
        return prescient && resetOnSwitch(switched, theta);
    }

    @Override
    public boolean beforeUpdate(long step, boolean switched, double[] theta) {
        return !prescient && resetOnSwitch(switched, theta);
    }

    private boolean resetOnSwitch(boolean switched, double[] theta) {
        if (!switched) return false;
        reset(theta, 1.0);
        return true;
    }
}
