package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkovSwitchingTest extends SwitchingProcessContract {
    @Override
    SwitchSpec spec() {
        return new MarkovSwitchSpec(3, 0.05);
    }

    @Test
    void switchesAsOftenAsItsSpecSays() {
        TaskStream s = stream(2);
        int switches = 0;
        for (int t = 0; t < STEPS; t++) {
            if (s.advance()) switches++;
            assertThat(s.optimum()).containsExactly(s.recurringOptimum(s.task()));
        }
        assertThat(switches).isBetween(8, 35); // ρ·(STEPS − 1) ≈ 20
        assertThat(s.recurringTasks()).isEqualTo(3);
    }
}
