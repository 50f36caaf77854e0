package org.driftlab.core.stream;

import org.driftlab.core.check.Require;

/** A switch every {@code period} steps: at steps period, 2·period, …. */
public record PeriodicSwitchSpec(long period) implements SwitchSpec {
    public PeriodicSwitchSpec {
        Require.positive("period", period);
    }

    @Override
    public SwitchingProcess newProcess() {
        return new PeriodicSwitching(this);
    }
}
