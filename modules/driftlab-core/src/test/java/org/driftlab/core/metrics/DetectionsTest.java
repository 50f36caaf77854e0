package org.driftlab.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.sim.TestRuns;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.junit.jupiter.api.Test;

class DetectionsTest {
    @Test
    void hitsFalseAlarmsAndDelaysFollowTheMatchingRule() {
        long[] switches = {100, 300, 500};
        // 40: before any switch (false alarm); 107: detects 100 (delay 7); 112: repeated firing; 200: false alarm
        // at window 50; 330: detects 300 (delay 30); 500 is never detected
        long[] resets = {40, 107, 112, 200, 330};
        Detections d = Detections.match(switches, resets, 50);
        assertThat(d.hits()).isEqualTo(2);
        assertThat(d.delays()).containsExactly(7, 30);
        assertThat(d.falseAlarms()).isEqualTo(2);
        assertThat(d.meanDelay()).isCloseTo(18.5, within(1e-12));
        assertThat(d.falseAlarmsPer1000(800)).isCloseTo(2.5, within(1e-12));
        // a window of 20 turns the late detection of 300 into a false alarm
        Detections narrow = Detections.match(switches, resets, 20);
        assertThat(narrow.delays()).containsExactly(7);
        assertThat(narrow.falseAlarms()).isEqualTo(3);
        assertThat(Detections.match(switches, new long[0], 50).meanDelay()).isNaN();
    }

    @Test
    void aRunsOwnWindowAgreesWithItsStoredCounts() {
        // a switching quadratic with the exact Gaussian belief and belief-threshold resets
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(4, false, 0.3, new HazardSwitchSpec(0.01)),
                new SgdSpec(0.2),
                new BocpdSpec(0.01, GaussianModelSpec.fromStream(), 1e-10, 256),
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.INIT, true)),
                3000);
        RunMetrics m = Simulation.run(spec, 64).metrics();
        Detections d = m.detectionsWithin(spec.metrics().detectionWindow());
        assertThat(m.resets()).as("the run resets").isPositive();
        assertThat(d.hits()).isEqualTo(m.detections());
        assertThat(d.falseAlarms()).isEqualTo(m.falseAlarms());
        if (d.hits() > 0) assertThat(d.meanDelay()).isEqualTo(m.meanDetectionDelay());
    }
}
