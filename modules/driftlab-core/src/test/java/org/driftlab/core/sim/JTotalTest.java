package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.junit.jupiter.api.Test;

/** J_total = J + the control cost of every reset's jump (RunAccumulator), as the learner records the jumps. */
class JTotalTest {
    static final QuadraticStreamSpec STREAM = TestRuns.quadratic(4, false, 0.3, new HazardSwitchSpec(0.02));

    @Test
    void withoutResetsJTotalIsJ() {
        RunMetrics m = Simulation.run(
                        TestRuns.run(STREAM, new SgdSpec(0.2), new NoBeliefSpec(), new NoResetSpec(), 500), 32)
                .metrics();
        assertThat(m.objectiveTotal()).isEqualTo(m.objective());
    }

    /** An oracle reset to μ0 at switch step s jumps from θ_s (the weights after step s − 1) to μ0·1. */
    @Test
    void oracleJumpsArePaidAtTheirControlCost() {
        RunSpec spec = TestRuns.run(
                STREAM, new SgdSpec(0.2), new NoBeliefSpec(), new OracleResetSpec(ResetTarget.PRIOR_MEAN, true), 500);
        List<double[]> after = new ArrayList<>();
        RunMetrics m = Simulation.run(
                        spec, (step, time, task, loss, excess, p, reset, theta) -> after.add(theta.clone()))
                .metrics();
        assertThat(m.resets()).isPositive();
        MetricsSpec ms = spec.metrics();
        double mu0 = STREAM.prior().mean();
        double expected = 0;
        for (long s : m.resetSteps()) {
            double jump = 0;
            for (double x : after.get((int) s - 1)) jump += (mu0 - x) * (mu0 - x);
            expected += Math.exp(-ms.gamma() * s * spec.dt()) * jump / (2 * ms.eta() * spec.dt());
        }
        assertThat(m.objectiveTotal() - m.objective()).isCloseTo(expected, within(1e-9 * expected));
    }

    /** Belief-ordered resets roll back and replay chunks: J_total is the same for every chunk size. */
    @Test
    void beliefResetJumpsAreTheSameForEveryChunkSize() {
        RunSpec spec = TestRuns.run(
                STREAM,
                new SgdSpec(0.2),
                new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 1e-10, 256),
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.PRIOR_MEAN, true)),
                800);
        RunMetrics lockstep = Simulation.run(spec, 1).metrics();
        assertThat(lockstep.objectiveTotal()).isGreaterThan(lockstep.objective());
        for (int chunk : new int[] {7, 64, 1000}) {
            assertThat(Simulation.run(spec, chunk).metrics().objectiveTotal())
                    .as("chunk %d", chunk)
                    .isEqualTo(lockstep.objectiveTotal());
        }
    }
}
