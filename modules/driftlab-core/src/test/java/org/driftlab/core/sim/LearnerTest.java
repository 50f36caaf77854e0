package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.ShrinkPerturbSpec;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.junit.jupiter.api.Test;

class LearnerTest {
    /** 1-D, H = 1, θ0 = 0, w* = 1, no noise: SGD with lr ½ halves the distance each step. */
    private static RunSpec tiny(long steps, ResetSpec reset) {
        QuadraticStreamSpec stream = new QuadraticStreamSpec(
                1,
                SpectrumSpec.of(List.of(1.0)),
                false,
                0.0,
                PriorSpec.standard(),
                List.of(0.0),
                List.of(List.of(1.0)),
                new NoSwitchSpec());
        return new RunSpec(
                "r",
                "c",
                0,
                0,
                steps,
                1.0,
                stream,
                new SgdSpec(0.5),
                new NoBeliefSpec(),
                reset,
                new MetricsSpec(3, 2, 5, 0.0, 1.0, 1.0),
                List.of());
    }

    private static RunMetrics run(RunSpec spec) {
        Learner l = Learner.start(spec);
        double[] evidence = new double[Math.max(1, l.evidenceWidth()) * 1000];
        while (!l.finished()) l.runChunk(1000, evidence);
        return l.result(0, "test").metrics();
    }

    @Test
    void handCheckedTinyRun() {
        // θ: 0 → ½ → ¾ → ⅞; L = ½(θ − 1)²: ½, ⅛, 1/32; moves² ¼, 1/16, 1/64
        RunMetrics m = run(tiny(3, new NoResetSpec()));
        assertThat(m.steps()).isEqualTo(3);
        assertThat(m.meanLoss()).isEqualTo((0.5 + 0.125 + 0.03125) / 3);
        assertThat(m.meanExcessLoss()).isEqualTo(m.meanLoss());
        assertThat(m.objective()).isEqualTo(0.5 * (0.25 + 0.0625 + 0.015625) + 0.5 + 0.125 + 0.03125);
        assertThat(m.finalDistance()).isEqualTo(0.125);
        assertThat(m.binnedLoss()).containsExactly(0.5, 0.125, 0.03125);
        assertThat(m.switches()).isZero();
        assertThat(m.resets()).isZero();
        assertThat(m.alignedExcessLoss()).containsOnly(Double.NaN);
    }

    @Test
    void periodicResetReturnsToTheInitialWeights() {
        // reset after steps 1, 3: θ 0 → ½ → ¾ → reset 0 → ½ → ¾ → reset 0
        RunMetrics m = run(tiny(4, new PeriodicResetSpec(2, ResetTarget.INIT, true)));
        assertThat(m.resetSteps()).containsExactly(2, 4);
        assertThat(m.finalDistance()).isEqualTo(1.0);
        assertThat(m.meanLoss()).isEqualTo((0.5 + 0.125) / 2);
        assertThat(m.falseAlarms()).isEqualTo(2);
    }

    @Test
    void shrinkPerturbWithoutNoiseShrinks() {
        // θ 0 → ½, shrink ×½ → ¼ → ⅝ → ×½ ⅝·½ = 5/16
        RunMetrics m = run(tiny(2, new ShrinkPerturbSpec(0.5, 0.0, 1)));
        assertThat(m.finalDistance()).isEqualTo(1 - 0.3125);
        assertThat(m.resets()).isEqualTo(2);
    }

    @Test
    void l2InitSettlesBetweenTheInitialWeightsAndTheOptimum() {
        // fixed point of θ ← θ − ½((θ − 1) + λθ) with λ = 1: θ = ½
        RunMetrics m = run(tiny(200, new L2InitSpec(1.0)));
        assertThat(m.finalDistance()).isCloseTo(0.5, within(1e-12));
        assertThat(m.resets()).isZero();
    }

    @Test
    void oracleResetsExactlyAtSwitches() {
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, true, 0.1, new HazardSwitchSpec(0.05)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new NoBeliefSpec(),
                new OracleResetSpec(ResetTarget.INIT, true),
                600);
        RunMetrics m = run(spec);
        assertThat(m.switches()).isGreaterThan(10);
        assertThat(m.resetSteps()).isEqualTo(m.switchSteps());
        assertThat(m.detections()).isEqualTo(m.switches());
        assertThat(m.meanDetectionDelay()).isEqualTo(0.0);
        assertThat(m.falseAlarms()).isZero();
        assertThat(m.missedSwitches()).isZero();
        RunMetrics none = run(TestRuns.run(spec.stream(), spec.rule(), spec.belief(), new NoResetSpec(), 600));
        assertThat(none.switchSteps()).isEqualTo(m.switchSteps()); // common random numbers
        assertThat(none.resets()).isZero();
        assertThat(none.missedSwitches()).isEqualTo(none.switches());
    }

    @Test
    void switchAlignedLossFollowsEachSwitch() {
        QuadraticStreamSpec stream = new QuadraticStreamSpec(
                1,
                SpectrumSpec.of(List.of(1.0)),
                false,
                0.0,
                PriorSpec.standard(),
                List.of(0.0),
                List.of(List.of(1.0), List.of(0.0)),
                new PeriodicSwitchSpec(3));
        RunSpec spec = new RunSpec(
                "r",
                "c",
                0,
                0,
                6,
                1.0,
                stream,
                new SgdSpec(0.5),
                new NoBeliefSpec(),
                new NoResetSpec(),
                new MetricsSpec(2, 3, 5, 0.0, 1.0, 1.0),
                List.of());
        RunMetrics m = run(spec);
        // task 0 (w* = 1): θ 0, ½, ¾; at step 3 task 1 (w* = 0): θ ⅞, 7/16, 7/32
        assertThat(m.switchSteps()).containsExactly(3);
        assertThat(m.alignedExcessLoss())
                .containsExactly(0.5 * 0.875 * 0.875, 0.5 * 0.4375 * 0.4375, 0.5 * 0.21875 * 0.21875, Double.NaN);
    }

    @Test
    void divergenceIsFlaggedNotThrown() {
        QuadraticStreamSpec stream = new QuadraticStreamSpec(
                2,
                SpectrumSpec.logSpaced(1, 1),
                false,
                0.0,
                PriorSpec.standard(),
                List.of(1.0, 1.0),
                List.of(List.of(0.0, 0.0)),
                new NoSwitchSpec());
        RunSpec spec = new RunSpec(
                "r",
                "c",
                0,
                0,
                5000,
                1.0,
                stream,
                new SgdSpec(3.0),
                new NoBeliefSpec(),
                new NoResetSpec(),
                TestRuns.metrics(),
                List.of());
        Learner l = Learner.start(spec);
        double[] ev = new double[100];
        int total = 0;
        while (!l.finished()) total += l.runChunk(100, ev);
        RunMetrics m = l.result(0, "t").metrics();
        // |θ| doubles each step: θ_t = (−2)^t stays finite up to t = 1023, but step t's squared move 2·(3·2^t)²
        // overflows first, at t = 510 (L(θ_t) = 4^t would at 512): the run diverged at that step, which is not
        // counted, and no infinite loss or objective reaches the metrics
        assertThat(m.diverged()).isTrue();
        assertThat(m.divergedAtStep()).isEqualTo(510L);
        assertThat(m.steps()).isEqualTo(m.divergedAtStep()).isEqualTo(total).isEqualTo(l.nextStep());
        assertThat(m.meanLoss()).isFinite();
        assertThat(m.objective()).isFinite();
    }

    @Test
    void aLossThatIsNotFiniteMarksTheRunDivergedAtItsStep() {
        // θ₀ = 1e160 is finite but its loss ½·θ² is not; a tiny step would keep the weights and the move finite
        QuadraticStreamSpec stream = new QuadraticStreamSpec(
                1,
                SpectrumSpec.logSpaced(1, 1),
                false,
                0.0,
                PriorSpec.standard(),
                List.of(1e160),
                List.of(List.of(0.0)),
                new NoSwitchSpec());
        RunSpec spec = new RunSpec(
                "r",
                "c",
                0,
                0,
                10,
                1.0,
                stream,
                new SgdSpec(1e-320),
                new NoBeliefSpec(),
                new NoResetSpec(),
                TestRuns.metrics(),
                List.of());
        RunMetrics m = run(spec);
        assertThat(m.diverged()).isTrue();
        assertThat(m.divergedAtStep()).isZero();
        assertThat(m.steps()).isZero();
    }

    @Test
    void writesOptimumEvidenceEachStep() {
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, false, 0.0, new NoSwitchSpec()),
                new SgdSpec(0.1),
                new BocpdSpec(0.01, new GaussianModelSpec(null, null, 1.0), 0, 100),
                new NoResetSpec(),
                10);
        Learner l = Learner.start(spec);
        assertThat(l.evidenceWidth()).isEqualTo(3);
        double[] ev = new double[30];
        assertThat(l.runChunk(10, ev)).isEqualTo(10);
        // without noise z = θ − H⁻¹g = w* at every step, whatever θ
        for (int t = 1; t < 10; t++) {
            for (int i = 0; i < 3; i++) assertThat(ev[3 * t + i]).isCloseTo(ev[i], within(1e-12));
        }
        assertThat(l.finished()).isTrue();
    }

    @Test
    void evidenceWidthsFollowTheBeliefModel() {
        LinearRegressionStreamSpec lr =
                new LinearRegressionStreamSpec(3, 4, 0.1, PriorSpec.standard(), null, List.of(), new NoSwitchSpec());
        RunSpec samples = TestRuns.run(
                lr,
                new SgdSpec(0.1),
                new BocpdSpec(0.01, new LinearRegressionModelSpec(1, 1, 1), 0, 10),
                new NoResetSpec(),
                5);
        assertThat(Learner.start(samples).evidenceWidth()).isEqualTo(16);
        RunSpec loss = TestRuns.run(
                lr,
                new SgdSpec(0.1),
                new BocpdSpec(0.01, new NormalGammaModelSpec(0, 1, 1, 1), 0, 10),
                new NoResetSpec(),
                5);
        assertThat(Learner.start(loss).evidenceWidth()).isEqualTo(1);
        assertThat(Learner.start(TestRuns.simple(5)).evidenceWidth()).isZero();
    }

    @Test
    void copyStateFromMakesTwins() {
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, true, 0.3, new HazardSwitchSpec(0.05)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new NoBeliefSpec(),
                new PeriodicResetSpec(13, ResetTarget.FRESH_DRAW, true),
                300);
        Learner a = Learner.start(spec);
        double[] ev = new double[1];
        a.runChunk(57, ev);
        Learner b = Learner.start(spec);
        b.copyStateFrom(a);
        while (!a.finished()) a.runChunk(10, ev);
        while (!b.finished()) b.runChunk(33, ev);
        assertThat(b.result(0, "x").metrics()).isEqualTo(a.result(0, "y").metrics());
        // and rolling back then replaying reproduces the same run
        Learner c = Learner.start(spec);
        Learner snapshot = Learner.start(spec);
        c.runChunk(100, ev);
        snapshot.copyStateFrom(c);
        c.runChunk(150, ev);
        c.copyStateFrom(snapshot);
        while (!c.finished()) c.runChunk(7, ev);
        assertThat(c.result(0, "z").metrics()).isEqualTo(a.result(0, "y").metrics());
        // a twin shares the immutable parts and continues exactly as the original
        Learner d = Learner.start(spec);
        d.runChunk(120, ev);
        Learner e = d.twin();
        while (!d.finished()) d.runChunk(9, ev);
        while (!e.finished()) e.runChunk(50, ev);
        assertThat(e.result(0, "e").metrics())
                .isEqualTo(d.result(0, "d").metrics())
                .isEqualTo(a.result(0, "y").metrics());
    }

    @Test
    void runChunkAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(8, true, 0.3, new PeriodicSwitchSpec(50)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 0, 10),
                new ShrinkPerturbSpec(0.9, 0.01, 100),
                20000);
        Learner l = Learner.start(spec);
        double[] ev = new double[8 * 1000];
        for (int i = 0; i < 5; i++) l.runChunk(1000, ev); // warm up; logs reach capacity 128 (switches) and 64 (resets)
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        l.runChunk(1000, ev); // 20 more switches, 10 more resets: no growth
        long after = threads.getThreadAllocatedBytes(thread);
        long baseline = threads.getThreadAllocatedBytes(thread) - after; // cost of the measurement itself
        // one array per step would be >= 16 kB; a few hundred bytes come from the JIT/runtime, not from us
        assertThat(after - before - baseline).isLessThan(4096);
    }

    @Test
    void aResetStepMustBeTheNextStep() {
        Learner l = Learner.start(tiny(5, new NoResetSpec()));
        l.runChunk(2, new double[1]);
        assertThatThrownBy(() -> l.runResetStep(ResetOrder.full(1), new double[1], 0))
                .hasMessageContaining("before step 2");
    }
}
