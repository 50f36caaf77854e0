package org.driftlab.core.stream;

/** Switches before steps T, 2T, …; the new task's optimum is drawn (or pinned). */
final class PeriodicSwitching implements SwitchingProcess {
    private final long period;

    PeriodicSwitching(PeriodicSwitchSpec spec) {
        this.period = spec.period();
    }

    @Override
    public boolean beforeStep(long step, TaskStream stream) {
        if (step % period != 0) return false;
        stream.beginNextTask();
        return true;
    }
}
