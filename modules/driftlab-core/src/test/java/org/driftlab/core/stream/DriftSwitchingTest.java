package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriftSwitchingTest extends SwitchingProcessContract {
    @Override
    SwitchSpec spec() {
        return new DriftSwitchSpec(0.01, 0.1);
    }

    @Test
    void movesTheOptimumWithoutSwitching() {
        TaskStream s = stream(2);
        double[] first = s.optimum().clone();
        for (int t = 0; t < STEPS; t++) assertThat(s.advance()).isFalse();
        assertThat(s.optimum()).isNotEqualTo(first);
        assertThat(s.task()).isZero();
    }
}
