package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HazardSwitchingTest extends SwitchingProcessContract {
    @Override
    SwitchSpec spec() {
        return new HazardSwitchSpec(0.05);
    }

    @Test
    void switchesAsOftenAsItsSpecSays() {
        TaskStream s = stream(2);
        int switches = 0;
        for (int t = 0; t < STEPS; t++) if (s.advance()) switches++;
        assertThat(switches).isBetween(8, 35); // ρ·(STEPS − 1) ≈ 20
        assertThat(s.task()).isEqualTo(switches);
    }
}
