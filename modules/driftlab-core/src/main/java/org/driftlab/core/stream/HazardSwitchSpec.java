package org.driftlab.core.stream;

import org.driftlab.core.check.Require;

/** Memoryless switching: before each step after the first, the task switches with probability {@code hazard}. */
public record HazardSwitchSpec(double hazard) implements SwitchSpec {
    public HazardSwitchSpec {
        Require.openUnit("hazard", hazard);
    }

    @Override
    public SwitchingProcess newProcess() {
        return new HazardSwitching(this);
    }
}
