package org.driftlab.core.stream;

import org.driftlab.core.check.Require;

/**
 * {@code tasks} recurring tasks (optima drawn once from the prior, or pinned). Before each step after the
 * first the task stays with probability 1 − hazard, else moves to one of the other tasks uniformly.
 * The first task is task 0.
 */
public record MarkovSwitchSpec(int tasks, double hazard) implements SwitchSpec {
    public MarkovSwitchSpec {
        if (tasks < 2) throw new IllegalArgumentException("tasks must be >= 2, got " + tasks);
        Require.openUnit("hazard", hazard);
    }

    @Override
    public SwitchingProcess newProcess() {
        return new MarkovSwitching(this);
    }
}
