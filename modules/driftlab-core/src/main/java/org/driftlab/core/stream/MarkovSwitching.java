package org.driftlab.core.stream;

/**
 * Over K recurring tasks: before each step stays with probability 1 − ρ, else moves to one of the other K − 1
 * tasks uniformly (two TASKS/switch draws).
 */
final class MarkovSwitching implements SwitchingProcess {
    private final double hazard;
    private final int tasks;

    MarkovSwitching(MarkovSwitchSpec spec) {
        this.hazard = spec.hazard();
        this.tasks = spec.tasks();
    }

    @Override
    public boolean beforeStep(long step, TaskStream stream) {
        if (stream.switchRng().nextDouble() >= hazard) return false;
        int next = stream.switchRng().nextInt(tasks - 1);
        stream.beginRecurringTask(next >= stream.task() ? next + 1 : next); // uniform over the other tasks
        return true;
    }

    @Override
    public int recurringTasks() {
        return tasks;
    }
}
