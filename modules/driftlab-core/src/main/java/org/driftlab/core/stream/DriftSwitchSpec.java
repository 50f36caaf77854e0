package org.driftlab.core.stream;

import org.driftlab.core.check.Require;

/**
 * No discrete switches: after each step the optimum follows a discretised Ornstein–Uhlenbeck process
 * toward the prior mean, w ← w + rate·(μ0 − w) + sigma·ε, ε ~ N(0, I).
 */
public record DriftSwitchSpec(double rate, double sigma) implements SwitchSpec {
    public DriftSwitchSpec {
        Require.unitFromZero("rate", rate);
        Require.nonNegative("sigma", sigma);
    }

    @Override
    public SwitchingProcess newProcess() {
        return new DriftSwitching(this);
    }
}
