package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.junit.jupiter.api.Test;

class RunLengthRecorderTest {
    private static final AdamSpec ADAM = new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false);
    private static final int R_MAX = 60;
    private static final long STEPS = 300;

    private static RunSpec run(ResetSpec reset) {
        return TestRuns.run(
                TestRuns.quadratic(3, true, 0.5, new HazardSwitchSpec(0.03)),
                ADAM,
                new BocpdSpec(0.03, GaussianModelSpec.fromStream(), 1e-8, R_MAX),
                reset,
                STEPS);
    }

    @Test
    void onePerStepColumnsSumToOneAndTheRunIsTheSimulatedOne() {
        RunSpec spec = run(new BeliefThresholdSpec(new BeliefTrigger(0.3, 5, ResetTarget.PRIOR_MEAN, true)));
        RunLengthPosterior p = RunLengthRecorder.record(spec, 2000);
        assertThat(p.stepsPerColumn()).isEqualTo(1);
        assertThat(p.columns()).isEqualTo((int) STEPS);
        assertThat(p.rMax()).isEqualTo(R_MAX);
        assertThat(p.result().metrics()).isEqualTo(Simulation.run(spec, 7).metrics());
        assertThat(p.result().metrics().resets()).isGreaterThan(2);
        for (int c = 0; c < p.columns(); c++) {
            assertThat(p.counts()[c]).isEqualTo(1);
            double sum = 0;
            for (double v : p.column(c)) {
                assertThat(v).isBetween(0.0, 1.0);
                sum += v;
            }
            // pruning at 1e-8 drops at most r_max · 1e-8 of mass per step
            assertThat(sum).as("column %d", c).isCloseTo(1.0, within(1e-6));
        }
        // after the first observation the run length is 0 or 1 (a switch at t = 1, or not)
        assertThat(p.at(0, 0) + p.at(0, 1)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void equalsBocpdsOwnPosteriorOnTheSameEvidence() {
        // oracle resets act inside the learner, so an independent BOCPD fed the same evidence is the run's belief
        RunSpec spec = run(new OracleResetSpec(ResetTarget.PRIOR_MEAN, true));
        RunLengthPosterior p = RunLengthRecorder.record(spec, 5000);
        Learner learner = Learner.start(spec);
        Bocpd reference = TaskBeliefs.bocpd((BocpdSpec) spec.belief(), BeliefMonitor.evidenceInfo(spec));
        double[] evidence = new double[learner.evidenceWidth()];
        double[] expected = new double[R_MAX + 1];
        int checked = 0;
        for (int t = 0; t < STEPS; t++) {
            assertThat(learner.runChunk(1, evidence)).isEqualTo(1);
            reference.observe(evidence, 0);
            if (t == 0 || t == 17 || t == 150 || t == STEPS - 1) {
                reference.runLengthPosterior(expected);
                assertThat(p.column(t)).as("step %d", t).containsExactly(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
        assertThat(p.result().metrics().resets()).isGreaterThan(2);
    }

    @Test
    void columnsAverageTheirSteps() {
        RunSpec spec = run(new BeliefThresholdSpec(new BeliefTrigger(0.3, 5, ResetTarget.PRIOR_MEAN, true)));
        RunLengthPosterior fine = RunLengthRecorder.record(spec, 2000);
        RunLengthPosterior coarse = RunLengthRecorder.record(spec, 7);
        assertThat(coarse.stepsPerColumn()).isEqualTo(43);
        assertThat(coarse.columns()).isEqualTo(7);
        assertThat(coarse.counts()).containsExactly(43, 43, 43, 43, 43, 43, 42);
        assertThat(coarse.result().metrics()).isEqualTo(fine.result().metrics());
        for (int c = 0; c < coarse.columns(); c++) {
            for (int r = 0; r <= R_MAX; r++) {
                double sum = 0;
                int n = 0;
                for (long t = coarse.firstStep(c); t < Math.min(STEPS, coarse.firstStep(c + 1)); t++, n++)
                    sum += fine.at((int) t, r);
                assertThat(coarse.at(c, r)).as("column %d r %d", c, r).isCloseTo(sum / n, within(1e-15));
            }
        }
    }

    @Test
    void refusesRunsWithoutBocpd() {
        RunSpec hmm = TestRuns.run(
                TestRuns.quadratic(3, true, 0.5, new MarkovSwitchSpec(3, 0.05)),
                ADAM,
                new HmmSpec(0.05),
                new OracleResetSpec(ResetTarget.PRIOR_MEAN, true),
                50);
        assertThatThrownBy(() -> RunLengthRecorder.record(hmm, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no BOCPD belief");
        assertThatThrownBy(() -> RunLengthRecorder.record(run(new OracleResetSpec(ResetTarget.PRIOR_MEAN, true)), 0))
                .hasMessageContaining("maxColumns");
    }
}
