package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodicSwitchingTest extends SwitchingProcessContract {
    @Override
    SwitchSpec spec() {
        return new PeriodicSwitchSpec(50);
    }

    @Test
    void switchesAtEveryMultipleOfThePeriod() {
        TaskStream s = stream(2);
        for (int t = 0; t < STEPS; t++) assertThat(s.advance()).as("step %d", t).isEqualTo(t > 0 && t % 50 == 0);
        assertThat(s.task()).isEqualTo(7);
    }
}
