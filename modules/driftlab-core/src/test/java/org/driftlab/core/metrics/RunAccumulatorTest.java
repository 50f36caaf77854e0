package org.driftlab.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunAccumulatorTest {
    @Test
    void handCheckedMetrics() {
        // 6 planned steps, 3 bins of 2 steps, lags 0..1, D = 3, γ = 0, η = 2, k = 3, dt = 0.5
        RunAccumulator acc = new RunAccumulator(new MetricsSpec(3, 1, 3, 0.0, 2.0, 3.0), 6, 0.5);
        acc.recordStep(0, 1.0, 0.5, 0.25);
        acc.recordStep(1, 3.0, 1.5, 0.0);
        acc.recordSwitch(2);
        acc.recordStep(2, 5.0, 4.0, 1.0);
        acc.recordStep(3, 2.0, 2.0, 0.0);
        acc.recordReset(4, 0.0); // delay 2 from the switch at 2: a detection
        acc.recordStep(4, 1.0, 1.0, 0.0);
        acc.recordReset(5, 0.0); // within D of a detected switch: neither
        acc.recordStep(5, 1.0, 0.0, 0.0);
        RunMetrics m = acc.finish(0.75);
        assertThat(m.steps()).isEqualTo(6);
        assertThat(m.meanLoss()).isEqualTo(13.0 / 6);
        assertThat(m.meanExcessLoss()).isEqualTo(9.0 / 6);
        // J = Σ [ move/(2·2·0.5) + 3·loss·0.5 ] = (0.25 + 1)/2 + 1.5·13
        assertThat(m.objective()).isCloseTo(0.625 + 19.5, within(1e-12));
        assertThat(m.objectiveTotal()).as("resets without a jump cost nothing").isEqualTo(m.objective());
        assertThat(m.binnedLoss()).containsExactly(2.0, 3.5, 1.0);
        assertThat(m.binnedExcessLoss()).containsExactly(1.0, 3.0, 0.5);
        assertThat(m.alignedExcessLoss()).containsExactly(4.0, 2.0);
        assertThat(m.switches()).isEqualTo(1);
        assertThat(m.resets()).isEqualTo(2);
        assertThat(m.detections()).isEqualTo(1);
        assertThat(m.meanDetectionDelay()).isEqualTo(2.0);
        assertThat(m.falseAlarms()).isZero();
        assertThat(m.missedSwitches()).isZero();
        assertThat(m.finalDistance()).isEqualTo(0.75);
        assertThat(m.diverged()).isFalse();
        assertThat(m.divergedAtStep()).isEqualTo(-1);
        assertThat(m.switchSteps()).containsExactly(2);
        assertThat(m.resetSteps()).containsExactly(4, 5);
    }

    @Test
    void jTotalPaysEachResetsJumpAtTheControlCostOfItsEffectiveStep() {
        // γ = 0.5, η = 2, k = 1, dt = 0.5: a jump of squared length 4 at effective step 2 costs e^{−0.5} · 4 /
        // (2·2·0.5)
        RunAccumulator acc = new RunAccumulator(new MetricsSpec(1, 0, 3, 0.5, 2.0, 1.0), 3, 0.5);
        acc.recordStep(0, 1.0, 1.0, 1.0);
        acc.recordStep(1, 1.0, 1.0, 0.0);
        acc.recordReset(2, 4.0);
        acc.recordStep(2, 1.0, 1.0, 0.0);
        RunMetrics m = acc.finish(0.0);
        assertThat(m.objective()).isCloseTo(0.5 + 0.5 * (1 + Math.exp(-0.25) + Math.exp(-0.5)), within(1e-12));
        assertThat(m.objectiveTotal() - m.objective()).isCloseTo(Math.exp(-0.5) * 4 / 2, within(1e-12));
    }

    @Test
    void discountAndEmptyBinsAndDivergence() {
        RunAccumulator acc = new RunAccumulator(new MetricsSpec(4, 0, 1, 0.5, 1.0, 1.0), 4, 1.0);
        acc.recordStep(0, 1.0, 1.0, 0.0);
        acc.recordStep(1, 1.0, 1.0, 0.0);
        acc.recordDivergence(2);
        RunMetrics m = acc.finish(Double.NaN);
        assertThat(m.objective()).isCloseTo(1 + Math.exp(-0.5), within(1e-15));
        assertThat(m.binnedLoss()).containsExactly(1.0, 1.0, Double.NaN, Double.NaN);
        assertThat(m.alignedExcessLoss()).containsExactly(Double.NaN);
        assertThat(m.diverged()).isTrue();
        assertThat(m.divergedAtStep()).isEqualTo(2);
        assertThat(m.steps()).isEqualTo(2);
        assertThat(m.meanDetectionDelay()).isNaN();
    }

    @Test
    void detectionsFalseAlarmsAndMisses() {
        RunAccumulator acc = new RunAccumulator(new MetricsSpec(1, 0, 3, 0, 1, 1), 100, 1.0);
        acc.recordReset(5, 0.0); // no switch before: false alarm
        acc.recordSwitch(10);
        acc.recordReset(10, 0.0); // oracle-like, delay 0
        acc.recordSwitch(20); // missed: next reset is 4 steps later
        acc.recordReset(24, 0.0); // false alarm (D = 3)
        acc.recordSwitch(30);
        acc.recordSwitch(31);
        acc.recordReset(33, 0.0); // detects the latest switch (31), delay 2; 30 is missed
        RunMetrics m = acc.finish(0);
        assertThat(m.detections()).isEqualTo(2);
        assertThat(m.meanDetectionDelay()).isEqualTo(1.0);
        assertThat(m.falseAlarms()).isEqualTo(2);
        assertThat(m.missedSwitches()).isEqualTo(2);
        assertThat(m.resets()).isEqualTo(4);
        assertThat(m.switches()).isEqualTo(4);
    }

    @Test
    void copyStateFromMakesTwinsAndRollsBack() {
        MetricsSpec spec = new MetricsSpec(5, 3, 4, 0.1, 1, 1);
        RunAccumulator a = new RunAccumulator(spec, 50, 0.1);
        RunAccumulator snapshot = new RunAccumulator(spec, 50, 0.1);
        for (int t = 0; t < 20; t++) {
            if (t % 6 == 1) a.recordSwitch(t);
            a.recordStep(t, t, t / 2.0, 0.1);
            if (t % 4 == 3) a.recordReset(t + 1, 0.0);
        }
        snapshot.copyStateFrom(a);
        RunMetrics before = snapshot.finish(1);
        for (int t = 20; t < 30; t++) {
            a.recordSwitch(t);
            a.recordStep(t, 1, 1, 1);
            a.recordReset(t + 1, 0.0);
        }
        assertThat(snapshot.finish(1)).isEqualTo(before); // sharing storage does not leak appends
        a.copyStateFrom(snapshot);
        assertThat(a.finish(1)).isEqualTo(before);
        // a different future after rollback forks the shared log; the snapshot is untouched
        a.recordSwitch(20);
        a.recordStep(20, 2, 2, 2);
        a.recordReset(99, 0.0);
        assertThat(a.finish(1).resetSteps()).endsWith(99);
        assertThat(snapshot.finish(1)).isEqualTo(before);
    }

    @Test
    void stepLogSharesGrowsAndForks() {
        StepLog a = new StepLog(1);
        for (int i = 0; i < 100; i++) a.add(i);
        StepLog b = new StepLog(1);
        b.copyFrom(a);
        a.add(100);
        b.add(100); // replaying the same value shares
        b.add(7); // diverging from a sharer's future... a has nothing beyond: plain append
        a.add(8); // a now differs from what b wrote: a forks
        assertThat(a.toArray()).hasSize(102).endsWith(100, 8);
        assertThat(b.toArray()).hasSize(102).endsWith(100, 7);
        StepLog c = new StepLog(1);
        c.copyFrom(b);
        assertThat(c.toArray()).isEqualTo(b.toArray());
        assertThat(c.get(50)).isEqualTo(50);
    }
}
