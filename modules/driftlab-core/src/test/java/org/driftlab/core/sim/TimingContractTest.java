package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.belief.TaskFilter;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.TaskStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reset timing contract (DESIGN §7): a reset decided from step s's observation acts before step s's update,
 * which is recomputed from the reset weights with the same observation; on every learner type (quadratic,
 * linear regression, MLP) and every belief-driven policy, and bit-identical for every chunk size.
 */
class TimingContractTest {
    private static final int[] CHUNKS = {1, 7, 64};
    private static final long STEPS = 300;
    private static final Long[] ORDERS = {0L, 5L, 6L, 19L, 63L, 64L, 150L, 299L};

    enum LearnerType {
        QUADRATIC,
        REGRESSION,
        MLP
    }

    private static RunSpec run(LearnerType type, ResetSpec reset, double lr) {
        switch (type) {
            case QUADRATIC:
                return TestRuns.run(
                        TestRuns.quadratic(3, true, 0.3, new HazardSwitchSpec(0.03)),
                        new SgdSpec(lr),
                        new BocpdSpec(0.03, GaussianModelSpec.fromStream(), 1e-8, 60),
                        reset,
                        STEPS);
            case REGRESSION:
                return TestRuns.run(
                        new LinearRegressionStreamSpec(
                                2, 4, 0.3, PriorSpec.standard(), null, List.of(), new HazardSwitchSpec(0.03)),
                        new SgdSpec(lr),
                        new BocpdSpec(0.03, new LinearRegressionModelSpec(1, 1, 0.1), 1e-8, 60),
                        reset,
                        STEPS);
            default:
                return new RunSpec(
                        "run",
                        "cond",
                        2,
                        7L,
                        STEPS,
                        1.0,
                        new SlowlyChangingRegressionStreamSpec(
                                10, 6, false, 30, 0.7, 5, Activation.RELU, 40, null, new PeriodicSwitchSpec(100)),
                        new SgdSpec(lr),
                        new BocpdSpec(0.01, new NormalGammaModelSpec(0, 1, 1, 1), 1e-8, 60),
                        reset,
                        new MetricsSpec(10, 20, 15, 0.0, 1.0, 1.0),
                        List.of());
        }
    }

    private static RunMetrics metrics(RunSpec spec, int chunk, TaskBelief belief) {
        return Simulation.run(spec, chunk, null, FakeBeliefs.monitor(spec, belief))
                .metrics();
    }

    private static void assertChunkingExact(RunSpec spec, Function<RunSpec, TaskBelief> belief, int minResets) {
        RunMetrics lockstep = metrics(spec, 1, belief.apply(spec));
        assertThat(lockstep.resets()).as("%s resets", spec.reset()).isGreaterThanOrEqualTo(minResets);
        for (int k : CHUNKS)
            assertThat(metrics(spec, k, belief.apply(spec)))
                    .as("%s, chunk %d", spec.reset(), k)
                    .isEqualTo(lockstep);
    }

    @Test
    void everyLearnerTypeAndBeliefPolicyIsBitIdenticalAcrossChunkSizes() {
        for (LearnerType type : LearnerType.values()) {
            for (ResetSpec reset : List.of(
                    new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.FRESH_DRAW, true)),
                    new BeliefSoftSpec(new BeliefTrigger(0.5, 5, ResetTarget.PRIOR_MEAN, false)))) {
                RunSpec spec = run(type, reset, 0.05);
                int width = Learner.start(spec).evidenceWidth();
                assertChunkingExact(spec, s -> new OptimisticLearnerTest.AtSteps(width, ORDERS), ORDERS.length);
            }
        }
        RunSpec recall = TestRuns.run(
                TestRuns.quadratic(3, false, 0.3, new MarkovSwitchSpec(3, 0.05)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new HmmSpec(0.05),
                new RecallSpec(0.9, true),
                STEPS);
        assertChunkingExact(recall, FakeBeliefs.Nearest::forRun, 5);
        // recall rewinding its kept weights to an estimated change point 3 steps before detection
        int width = Learner.start(recall).evidenceWidth();
        assertChunkingExact(recall, s -> new TasksAt(width, 30, 60, 3), 2);
    }

    /** θ after each step and each step's loss, in lockstep, with the belief ordering a reset from the listed steps only. */
    private static List<double[]> trace(RunSpec spec, Long... orders) {
        return trace(spec, new OptimisticLearnerTest.AtSteps(Learner.start(spec).evidenceWidth(), orders));
    }

    private static List<double[]> trace(RunSpec spec, TaskBelief belief) {
        List<double[]> rows = new ArrayList<>();
        Simulation.run(
                spec,
                1,
                (step, time, task, loss, excess, p, reset, theta) -> {
                    double[] row = new double[theta.length + 1];
                    row[0] = loss;
                    System.arraycopy(theta, 0, row, 1, theta.length);
                    rows.add(row);
                },
                FakeBeliefs.monitor(spec, belief));
        return rows;
    }

    /** The weights θ_{t+1} after step t of {@code trace} (row t), θ₀ before step 0. */
    private static double[] weightsBefore(List<double[]> trace, int t, double[] theta0) {
        if (t == 0) return theta0.clone();
        double[] row = trace.get(t - 1);
        double[] theta = new double[row.length - 1];
        System.arraycopy(row, 1, theta, 0, theta.length);
        return theta;
    }

    /**
     * A task filter that names task 0 before step {@code from}, task 1 from it on, and task 0 again from {@code back},
     * estimating each time that the named task began {@code rewind} steps before it named it.
     */
    private static final class TasksAt extends FakeBeliefs.Scripted implements TaskFilter {
        private final int width;
        private final long from;
        private final long back;
        private final int rewind;
        private long seen;

        TasksAt(int width, long from, long back, int rewind) {
            this.width = width;
            this.from = from;
            this.back = back;
            this.rewind = rewind;
        }

        @Override
        public double meanRunLength(int task) {
            return rewind + 1;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public void observe(double[] x, int offset) {
            seen++;
        }

        @Override
        public int tasks() {
            return 3;
        }

        @Override
        public double taskProbability(int k) {
            return k == mapTask() ? 0.99 : 0.005;
        }

        @Override
        public int mapTask() {
            long s = seen - 1;
            return s >= from && s < back ? 1 : 0;
        }
    }

    /**
     * DESIGN §7: the weights recall keeps for the old task are those from before the first update on the new one,
     * θ at the belief's estimated change point (the step it acts on when the estimate is that step itself).
     */
    @ParameterizedTest(name = "rewind {0}")
    @ValueSource(ints = {0, 3})
    void recallKeepsTheWeightsOfTheEstimatedChangePoint(int rewind) {
        long s1 = 30;
        long s2 = 60;
        double lr = 0.05;
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, true, 0.3, new MarkovSwitchSpec(3, 0.05)),
                new SgdSpec(lr),
                new HmmSpec(0.05),
                new RecallSpec(0.9, false),
                100);
        int width = Learner.start(spec).evidenceWidth();
        List<double[]> recall = trace(spec, new TasksAt(width, s1, s2, rewind));
        TaskStream stream = TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed()));
        double[] theta0 = stream.initialWeights().clone();
        // θ_{s1 − rewind}: task 0's weights at the change point estimated when task 1 was recalled at s1
        double[] kept = weightsBefore(recall, (int) (s1 - rewind), theta0);
        double[] thetaS2 = weightsBefore(recall, (int) s2, theta0);
        double[] g = new double[3];
        for (int t = 0; t <= s2; t++) {
            stream.advance();
            stream.observeGradient(weightsBefore(recall, t, theta0), g);
        }
        double[] offset = new double[3];
        double[] hOffset = new double[3];
        for (int i = 0; i < 3; i++) offset[i] = kept[i] - thetaS2[i];
        stream.hessian().multiply(offset, hOffset);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) expected[i] = kept[i] - lr * (g[i] + hOffset[i]);
        double[] after = new double[3];
        System.arraycopy(recall.get((int) s2), 1, after, 0, 3);
        assertThat(after)
                .as("θ after step s2, where task 0's kept weights are recalled")
                .containsExactly(expected);
    }

    @Test
    void theResetStepPaysItsLossAtTheOldWeightsAndUpdatesFromTheTargetWithTheSameObservation() {
        int s = 40;
        double lr = 0.05;
        for (LearnerType type : LearnerType.values()) {
            RunSpec spec = run(type, new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.INIT, true)), lr);
            List<double[]> without = trace(spec);
            List<double[]> with = trace(spec, (long) s);
            for (int t = 0; t <= s; t++)
                assertThat(with.get(t)[0]).as("%s: loss of step %d", type, t).isEqualTo(without.get(t)[0]);
            for (int t = 0; t < s; t++)
                assertThat(with.get(t)).as("%s: θ after step %d", type, t).containsExactly(without.get(t));

            // the stream as it stands at step s (its draws do not depend on θ), observed at θ_s, then re-evaluated at
            // θ₀
            TaskStream stream = TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed()));
            double[] theta0 = stream.initialWeights().clone();
            int d = theta0.length;
            double[] thetaS = theta0.clone();
            double[] g = new double[d];
            double[] gTarget = new double[d];
            for (int t = 0; t <= s; t++) {
                if (t > 0) System.arraycopy(without.get(t - 1), 1, thetaS, 0, d);
                stream.advance();
                if (t == s) stream.twin().observeGradient(theta0, gTarget); // the same draws, observed at θ₀
                stream.observeGradient(thetaS, g);
            }
            double[] expected = new double[d];
            if (type == LearnerType.QUADRATIC) {
                // exactly g' = g_s + H(θ_target − θ_s)
                double[] offset = new double[d];
                double[] hOffset = new double[d];
                for (int i = 0; i < d; i++) offset[i] = theta0[i] - thetaS[i];
                stream.hessian().multiply(offset, hOffset);
                for (int i = 0; i < d; i++) expected[i] = theta0[i] - lr * (g[i] + hOffset[i]);
            } else {
                // the same minibatch (sample) re-evaluated at the target: what an observation at θ₀ would have given
                for (int i = 0; i < d; i++) expected[i] = theta0[i] - lr * gTarget[i];
            }
            double[] after = new double[d];
            System.arraycopy(with.get(s), 1, after, 0, d);
            assertThat(after).as("%s: θ after the reset step", type).containsExactly(expected);
        }
    }

    /** θ after each step of a lockstep run with its real belief. */
    private static List<double[]> thetas(RunSpec spec) {
        List<double[]> rows = new ArrayList<>();
        Simulation.run(spec, (step, time, task, loss, excess, p, reset, theta) -> rows.add(theta.clone()));
        return rows;
    }

    @Test
    void onANoiselessStreamABeliefResetAtLagZeroIsTheCausalOracle() {
        // σ_g = 0: the evidence z = θ − H⁻¹g is w* itself, so the belief sees every switch at its own step
        BocpdSpec sharp = new BocpdSpec(0.02, new GaussianModelSpec(null, null, 1e-6), 1e-10, 200);
        QuadraticStreamSpec noiseless = TestRuns.quadratic(3, true, 0.0, new HazardSwitchSpec(0.02));
        AdamSpec adam = new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false);
        RunSpec belief = TestRuns.run(
                noiseless,
                adam,
                sharp,
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 2, ResetTarget.PRIOR_MEAN, true)),
                600);
        RunSpec oracle = TestRuns.run(noiseless, adam, sharp, new OracleResetSpec(ResetTarget.PRIOR_MEAN, true), 600);
        RunMetrics m = Simulation.run(belief, 64).metrics();
        assertThat(m.switches()).isGreaterThan(5);
        assertThat(m.resetSteps()).as("a reset at every switch step, no other").containsExactly(m.switchSteps());
        assertThat(m).isEqualTo(Simulation.run(oracle, 64).metrics());
        List<double[]> fromBelief = thetas(belief);
        List<double[]> fromOracle = thetas(oracle);
        for (int t = 0; t < fromOracle.size(); t++)
            assertThat(fromBelief.get(t)).as("θ after step %d", t).containsExactly(fromOracle.get(t));

        // the prescient oracle pays the switch steps' losses at the reset weights: a different trajectory
        RunSpec prescient =
                TestRuns.run(noiseless, adam, sharp, new OracleResetSpec(ResetTarget.PRIOR_MEAN, true, true), 600);
        RunMetrics p = Simulation.run(prescient, 64).metrics();
        assertThat(p.resetSteps()).containsExactly(m.switchSteps());
        assertThat(p.meanLoss()).isNotEqualTo(m.meanLoss());
    }
}
