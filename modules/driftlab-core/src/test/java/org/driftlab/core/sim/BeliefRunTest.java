package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.junit.jupiter.api.Test;

/** Runs with the real task beliefs (branch belief): detection, recall, and chunking exactness. */
class BeliefRunTest {
    private static final int[] CHUNKS = {1, 7, 64};
    private static final AdamSpec ADAM = new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false);

    private static RunSpec quadratic(
            double hazard,
            double noise,
            org.driftlab.core.belief.BeliefSpec belief,
            org.driftlab.core.reset.ResetSpec reset,
            long steps) {
        return TestRuns.run(
                TestRuns.quadratic(3, true, noise, new HazardSwitchSpec(hazard)), ADAM, belief, reset, steps);
    }

    private static void assertChunkingExact(RunSpec spec, int minResets) {
        RunMetrics lockstep = Simulation.run(spec, 1).metrics();
        assertThat(lockstep.resets()).as("%s resets", spec.reset()).isGreaterThanOrEqualTo(minResets);
        for (int k : CHUNKS)
            assertThat(Simulation.run(spec, k).metrics())
                    .as("%s chunk %d", spec.reset(), k)
                    .isEqualTo(lockstep);
    }

    @Test
    void chunkedEqualsLockstepForEveryBeliefPolicyWithManyResets() {
        BocpdSpec gaussian = new BocpdSpec(0.05, GaussianModelSpec.fromStream(), 1e-8, 60);
        // a low threshold and frequent switches: many resets, many of them false alarms
        assertChunkingExact(
                quadratic(
                        0.05,
                        0.5,
                        gaussian,
                        new BeliefThresholdSpec(new BeliefTrigger(0.2, 3, ResetTarget.FRESH_DRAW, true)),
                        400),
                20);
        assertChunkingExact(
                quadratic(
                        0.05,
                        0.5,
                        gaussian,
                        new BeliefSoftSpec(new BeliefTrigger(0.2, 3, ResetTarget.INIT, false)),
                        400),
                20);
        BocpdSpec normalGamma = new BocpdSpec(0.05, new NormalGammaModelSpec(0, 1, 1, 1), 1e-8, 60);
        assertChunkingExact(
                quadratic(
                        0.05,
                        0.5,
                        normalGamma,
                        new BeliefThresholdSpec(new BeliefTrigger(0.2, 5, ResetTarget.PRIOR_MEAN, true)),
                        400),
                5);
        LinearRegressionStreamSpec lr = new LinearRegressionStreamSpec(
                2, 4, 0.3, PriorSpec.standard(), null, List.of(), new HazardSwitchSpec(0.03));
        BocpdSpec regression = new BocpdSpec(0.03, new LinearRegressionModelSpec(1, 1, 0.1), 1e-8, 60);
        assertChunkingExact(
                TestRuns.run(
                        lr,
                        new SgdSpec(0.1),
                        regression,
                        new BeliefThresholdSpec(new BeliefTrigger(0.3, 5, ResetTarget.INIT, true)),
                        400),
                5);
        RunSpec recall = TestRuns.run(
                TestRuns.quadratic(3, true, 0.5, new MarkovSwitchSpec(3, 0.05)),
                ADAM,
                new HmmSpec(0.05),
                new RecallSpec(0.8, true),
                400);
        assertChunkingExact(recall, 10);
    }

    @Test
    void chunkedEqualsLockstepForStatefulRulesThatReadTheTask() {
        BocpdSpec gaussian = new BocpdSpec(0.05, GaussianModelSpec.fromStream(), 1e-8, 60);
        org.driftlab.core.reset.ResetSpec reset =
                new BeliefThresholdSpec(new BeliefTrigger(0.2, 3, ResetTarget.FRESH_DRAW, true));
        List<org.driftlab.core.rule.RuleSpec> rules = List.of(
                new org.driftlab.core.rule.IdealObserverSpec(0.05, 1e-8, 60),
                new org.driftlab.core.rule.NaturalGradientSpec(
                        0.05,
                        new org.driftlab.core.rule.MetricSpec(
                                org.driftlab.core.rule.MetricSpec.Kind.GRADIENT_OUTER, null, 0.9),
                        0.1),
                new org.driftlab.core.rule.OptimalControlSpec(
                        0.5,
                        1.0,
                        1.0,
                        org.driftlab.core.rule.MetricSpec.identity(),
                        0.0,
                        org.driftlab.core.rule.BeliefSource.ORACLE,
                        null));
        for (org.driftlab.core.rule.RuleSpec rule : rules) {
            RunSpec spec = TestRuns.run(
                    TestRuns.quadratic(3, true, 0.5, new HazardSwitchSpec(0.05)), rule, gaussian, reset, 300);
            assertChunkingExact(spec, 5);
            assertThat(Simulation.run(spec, 7).metrics().diverged())
                    .as("%s", rule)
                    .isFalse();
        }
    }

    @Test
    void thresholdResetsDetectMostSwitchesAndHelp() {
        BocpdSpec gaussian = new BocpdSpec(0.01, GaussianModelSpec.fromStream(), 1e-10, 200);
        RunSpec belief = TestRuns.run(
                TestRuns.quadratic(3, false, 0.1, new HazardSwitchSpec(0.01)),
                new SgdSpec(0.02),
                gaussian,
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.PRIOR_MEAN, true)),
                3000);
        RunMetrics m = Simulation.run(belief, 64).metrics();
        assertThat(m.switches()).isGreaterThan(15);
        assertThat(m.detections()).isGreaterThanOrEqualTo((int) (0.8 * m.switches()));
        assertThat(m.falseAlarms()).isLessThanOrEqualTo(m.switches() / 5);
        assertThat(m.meanDetectionDelay())
                .isBetween(0.0, 4.0); // a reset from the switch step's own observation: delay 0
        RunMetrics none = Simulation.run(
                        TestRuns.run(belief.stream(), belief.rule(), gaussian, new NoResetSpec(), 3000), 64)
                .metrics();
        RunMetrics oracle = Simulation.run(
                        TestRuns.run(
                                belief.stream(),
                                belief.rule(),
                                gaussian,
                                new OracleResetSpec(ResetTarget.PRIOR_MEAN, true),
                                3000),
                        64)
                .metrics();
        assertThat(none.switchSteps()).isEqualTo(m.switchSteps());
        assertThat(m.meanExcessLoss()).isLessThan(none.meanExcessLoss());
        assertThat(oracle.meanExcessLoss()).isLessThanOrEqualTo(m.meanExcessLoss());
    }

    @Test
    void recallReloadsTheWeightsKeptForTheTask() {
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, false, 0.2, new MarkovSwitchSpec(3, 0.01)),
                new SgdSpec(0.05),
                new HmmSpec(0.01),
                new RecallSpec(0.9, false),
                3000);
        RunMetrics recall = Simulation.run(spec, 32).metrics();
        RunMetrics none = Simulation.run(
                        TestRuns.run(spec.stream(), spec.rule(), spec.belief(), new NoResetSpec(), 3000), 32)
                .metrics();
        assertThat(recall.detections()).isGreaterThanOrEqualTo((int) (0.8 * recall.switches()));
        assertThat(recall.meanExcessLoss()).isLessThan(0.5 * none.meanExcessLoss());
    }

    @Test
    void beliefReportsReachTheObserversInLockstep() {
        RunSpec spec = quadratic(
                0.05,
                0.5,
                new BocpdSpec(0.05, GaussianModelSpec.fromStream(), 1e-8, 60),
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.INIT, true)),
                100);
        List<double[]> beliefRows = new ArrayList<>();
        List<double[]> stepRows = new ArrayList<>();
        RunResult traced = Simulation.run(
                spec,
                (step, time, task, loss, excess, p, reset, theta) ->
                        stepRows.add(new double[] {step, p, reset ? 1 : 0}),
                (step, map, mean, p) -> beliefRows.add(new double[] {step, map, mean, p}));
        assertThat(traced.metrics()).isEqualTo(Simulation.run(spec, 64).metrics());
        assertThat(stepRows).hasSize(100);
        assertThat(beliefRows).hasSize(100);
        int resets = 0;
        for (int t = 0; t < 100; t++) {
            assertThat(beliefRows.get(t)[0]).isEqualTo(t);
            assertThat(stepRows.get(t)[1]).isEqualTo(beliefRows.get(t)[3]);
            if (stepRows.get(t)[2] == 1) {
                resets++;
                assertThat(stepRows.get(t)[1]).isGreaterThan(0.5); // a belief reset fires only above τ
            }
        }
        assertThat(resets).isEqualTo(traced.metrics().resets());
    }
}
