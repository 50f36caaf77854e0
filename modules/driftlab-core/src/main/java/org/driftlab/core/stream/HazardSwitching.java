package org.driftlab.core.stream;

/** Switches before each step with probability ρ (one TASKS/switch draw per step); the new task's optimum is drawn. */
final class HazardSwitching implements SwitchingProcess {
    private final double hazard;

    HazardSwitching(HazardSwitchSpec spec) {
        this.hazard = spec.hazard();
    }

    @Override
    public boolean beforeStep(long step, TaskStream stream) {
        if (stream.switchRng().nextDouble() >= hazard) return false;
        stream.beginNextTask();
        return true;
    }
}
