package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.FakeBelief;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.junit.jupiter.api.Test;

class OptimisticLearnerTest {
    private static final int K = 20;
    private static final int M = 6; // checkpoints at chunk offsets 0, 6, 12, 18

    private static RunSpec run(ResetSpec reset, long steps) {
        // a fresh draw as target: the reset consumes the policy's generator, so a wrong rollback of it shows
        return TestRuns.run(
                TestRuns.quadratic(3, true, 0.2, new HazardSwitchSpec(0.02)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 0, 50),
                reset,
                steps);
    }

    private static RunSpec threshold(long steps) {
        return run(new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.FRESH_DRAW, true)), steps);
    }

    /**
     * p_change = 1 after each listed step (0 otherwise), and a digest of every observation consumed, so two
     * runs that consumed different evidence (a replay gone wrong) differ.
     */
    static final class AtSteps extends FakeBelief {
        private final int width;
        private final TreeSet<Long> at;
        long digest = 17;

        AtSteps(int width, Long... steps) {
            this.width = width;
            this.at = new TreeSet<>(Arrays.asList(steps));
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public void observe(double[] x, int offset) {
            for (int i = 0; i < width; i++) digest = 31 * digest + Double.doubleToLongBits(x[offset + i]);
            p = at.contains(this.steps) ? 1.0 : 0.0;
            this.steps++;
        }
    }

    private record Outcome(RunMetrics metrics, long evidenceDigest, double[] theta, List<Long> offsets) {}

    /** Simulation's loop over an OptimisticLearner with interval m; records each reset's offset in its chunk. */
    private static Outcome drive(RunSpec spec, int k, int m, AtSteps belief) {
        BeliefMonitor monitor = FakeBeliefs.monitor(spec, belief);
        OptimisticLearner run = OptimisticLearner.start(spec, k, true, m);
        Learner learner = run.learner();
        double[] evidence = new double[k * learner.evidenceWidth()];
        List<Long> offsets = new ArrayList<>();
        while (!learner.finished()) {
            long start = learner.nextStep();
            int ran = run.runChunk(evidence);
            assertThat(run.chunkStart()).isEqualTo(start);
            ResetOrder order = monitor.consume(start, ran, evidence);
            if (order != null) {
                offsets.add(order.step() - start);
                run.rollBack(order, evidence);
                assertThat(learner.nextStep()).isEqualTo(order.step() + 1);
            }
        }
        return new Outcome(
                learner.result(0, "t").metrics(), belief.digest, learner.theta().clone(), offsets);
    }

    private static void assertSame(Outcome chunked, Outcome lockstep, String what) {
        assertThat(chunked.metrics()).as(what).isEqualTo(lockstep.metrics());
        assertThat(chunked.evidenceDigest()).as("%s: evidence consumed", what).isEqualTo(lockstep.evidenceDigest());
        assertThat(chunked.theta()).as("%s: final weights", what).containsExactly(lockstep.theta());
    }

    @Test
    void resetsAtEveryPlaceInAChunkGiveLockstepResults() {
        RunSpec spec = threshold(200);
        int width = Learner.start(spec).evidenceWidth();
        // chunks of 20 from 0; each reset at s reruns step s from the checkpoint at or before it (DESIGN §7)
        // and starts the next chunk at s + 1. Offsets in their chunks: 0 (the chunk's first step: its own
        // checkpoint, nothing replayed), 5 (just before checkpoint 6), 6 (the checkpoint's own step), 7 (just
        // after it), 19 (the last step, rerun too), 12, and two resets in successive chunks
        Long[] resets = {0L, 6L, 13L, 21L, 41L, 54L, 55L, 90L, 199L};
        Outcome lockstep = drive(spec, 1, 1, new AtSteps(width, resets));
        Outcome chunked = drive(spec, K, M, new AtSteps(width, resets));
        assertThat(chunked.offsets()).containsExactly(0L, 5L, 6L, 7L, 19L, 12L, 0L, 14L, 8L);
        assertThat(lockstep.metrics().resets()).isEqualTo(resets.length);
        assertSame(chunked, lockstep, "scripted resets");
    }

    @Test
    void manyRandomResetsForManyChunkSizesAndIntervals() {
        RunSpec spec = threshold(300);
        int width = Learner.start(spec).evidenceWidth();
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 4; trial++) {
            TreeSet<Long> steps = new TreeSet<>();
            int count = 5 + random.nextInt(25);
            while (steps.size() < count) steps.add((long) random.nextInt(300));
            Long[] resets = steps.toArray(new Long[0]);
            Outcome lockstep = drive(spec, 1, 1, new AtSteps(width, resets));
            for (int[] km : new int[][] {{7, 1}, {7, 3}, {16, 4}, {33, 8}, {64, 32}, {300, 7}}) {
                Outcome chunked = drive(spec, km[0], km[1], new AtSteps(width, resets));
                assertSame(chunked, lockstep, "K = " + km[0] + ", M = " + km[1] + ", resets " + steps);
            }
        }
    }

    @Test
    void softResetsWithCheckpointsEqualLockstep() {
        RunSpec spec = run(new BeliefSoftSpec(new BeliefTrigger(0.3, 5, ResetTarget.INIT, false)), 250);
        int width = Learner.start(spec).evidenceWidth();
        Long[] resets = {3L, 4L, 30L, 31L, 32L, 100L, 101L, 170L, 249L};
        Outcome lockstep = drive(spec, 1, 1, new AtSteps(width, resets));
        assertThat(lockstep.metrics().resets()).isPositive();
        for (int m : new int[] {1, 2, 5, 32})
            assertSame(drive(spec, 32, m, new AtSteps(width, resets)), lockstep, "M = " + m);
    }

    @Test
    void aResetJustBeforeADivergenceInsideTheChunkRollsBackPastIt() {
        // SGD far beyond its stable step size: |θ| grows ~200x per step and overflows within the chunk
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(3, false, 0.2, new HazardSwitchSpec(0.02)),
                new SgdSpec(100),
                new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 0, 50),
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.FRESH_DRAW, true)),
                1000);
        int width = Learner.start(spec).evidenceWidth();
        long divergedAt = drive(spec, 1, 1, new AtSteps(width)).metrics().divergedAtStep();
        assertThat(divergedAt).as("the run diverges").isBetween(40L, 900L);
        // the reset after step t − 1 (the last step the belief sees) saves the run in lockstep; the chunked
        // learner already ran step t and diverged, so it must roll back instead of resetting where it stands
        Long[] resets = {divergedAt - 1};
        Outcome lockstep = drive(spec, 1, 1, new AtSteps(width, resets));
        assertThat(lockstep.metrics().divergedAtStep()).isGreaterThan(divergedAt);
        for (int[] km : new int[][] {{256, 32}, {256, 1}, {300, 300}}) {
            assertSame(
                    drive(spec, km[0], km[1], new AtSteps(width, resets)), lockstep, "K = " + km[0] + ", M = " + km[1]);
        }
    }

    @Test
    void aCheckpointRefusesToRunAndRestoresTheLearnerExactly() {
        RunSpec spec = threshold(200);
        Learner learner = Learner.start(spec);
        double[] evidence = new double[60 * learner.evidenceWidth()];
        learner.runChunk(30, evidence);
        Learner checkpoint = learner.checkpoint();
        assertThatThrownBy(() -> checkpoint.runChunk(1, evidence))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checkpoint");
        Learner reference = learner.twin();
        learner.runChunk(30, evidence); // overwrites the scratch and caches the checkpoint shares
        learner.copyStateFrom(checkpoint);
        double[] a = new double[30 * learner.evidenceWidth()];
        double[] b = new double[a.length];
        learner.runChunk(30, a);
        reference.runChunk(30, b);
        assertThat(a).containsExactly(b);
        assertThat(learner.theta()).containsExactly(reference.theta());
    }

    @Test
    void theIntervalIsCappedByTheNumberOfCheckpoints() {
        assertThat(OptimisticLearner.checkpointInterval(1)).isEqualTo(OptimisticLearner.CHECKPOINT_INTERVAL);
        int most = OptimisticLearner.CHECKPOINT_INTERVAL * OptimisticLearner.MAX_CHECKPOINTS;
        assertThat(OptimisticLearner.checkpointInterval(most)).isEqualTo(OptimisticLearner.CHECKPOINT_INTERVAL);
        assertThat(OptimisticLearner.checkpointInterval(most + 1)).isEqualTo(OptimisticLearner.CHECKPOINT_INTERVAL + 1);
        assertThat(OptimisticLearner.checkpointInterval(1024)).isEqualTo(1024 / OptimisticLearner.MAX_CHECKPOINTS);
        assertThatThrownBy(() -> OptimisticLearner.checkpointInterval(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResetOutsideTheChunkOrWithoutRollbackIsRefused() {
        RunSpec spec = threshold(100);
        OptimisticLearner run = OptimisticLearner.start(spec, 10, true);
        double[] evidence = new double[10 * run.learner().evidenceWidth()];
        assertThat(run.runChunk(evidence)).isEqualTo(10);
        assertThatThrownBy(() -> run.rollBack(ResetOrder.full(10), evidence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the chunk");
        RunSpec plain = TestRuns.run(
                TestRuns.quadratic(3, false, 0.2, new HazardSwitchSpec(0.02)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new NoBeliefSpec(),
                new NoResetSpec(),
                50);
        OptimisticLearner straight = OptimisticLearner.start(plain, 10, false);
        assertThat(straight.runChunk(new double[0])).isEqualTo(10);
        assertThatThrownBy(() -> straight.rollBack(ResetOrder.full(3), new double[0]))
                .isInstanceOf(IllegalStateException.class);
    }
}
