package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoSwitchingTest extends SwitchingProcessContract {
    @Override
    SwitchSpec spec() {
        return new NoSwitchSpec();
    }

    @Test
    void keepsOneTaskForever() {
        TaskStream s = stream(2);
        double[] first = s.optimum().clone();
        for (int t = 0; t < STEPS; t++) assertThat(s.advance()).isFalse();
        assertThat(s.optimum()).containsExactly(first);
    }
}
