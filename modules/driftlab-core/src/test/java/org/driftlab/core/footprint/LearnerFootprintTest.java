package org.driftlab.core.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.driftlab.core.sim.OptimisticLearner;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RunFootprint#learnerCopies()} against the heap that learners with their checkpoints really retain:
 * the live heap after N learners of W1 (d = 32, Adam, threshold resets from a Gaussian BOCPD belief) ran a
 * chunk each, less the live heap before, per learner. The estimate is an upper one: it may exceed the
 * measured bytes by at most 25% (its allowances for rules with more moments than Adam's and for object
 * headers) and must never fall below them.
 */
class LearnerFootprintTest {
    private static final int LEARNERS = 400;

    private static RunSpec w1() {
        return SweepLoader.parse(
                        """
                steps = 5000
                stream {
                  type = quadratic, dim = 32, gradient-noise = 0.5
                  switching { type = hazard, hazard = 0.002 }
                }
                rule { type = adam, lr = 0.05 }
                belief { type = bocpd, hazard = 0.002, r-max = 256 }
                reset { type = belief-threshold }
                """,
                        "w1.conf")
                .runs()
                .get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256})
    void theLearnerEstimateIsAnUpperBoundWithin25PercentOfTheMeasuredHeap(int chunkSize) {
        RunSpec spec = w1();
        double measured = retainedPerLearner(spec, chunkSize);
        double estimate = RunFootprint.of(spec, chunkSize).learnerCopies();
        assertThat(estimate).isBetween(measured, 1.25 * measured);
    }

    @Test
    void longerChunksKeepMoreCheckpointsUpToTheCap() {
        assertThat(RunFootprint.checkpoints(1)).isEqualTo(1);
        assertThat(RunFootprint.checkpoints(64)).isEqualTo(2);
        assertThat(RunFootprint.checkpoints(128)).isEqualTo(OptimisticLearner.MAX_CHECKPOINTS);
        assertThat(RunFootprint.checkpoints(100_000)).isEqualTo(OptimisticLearner.MAX_CHECKPOINTS);
    }

    private static double retainedPerLearner(RunSpec spec, int chunkSize) {
        OptimisticLearner probe = OptimisticLearner.start(spec, chunkSize, true); // loads the classes, warms caches
        double[] evidence = new double[chunkSize * probe.learner().evidenceWidth()];
        probe.runChunk(evidence);
        OptimisticLearner[] learners = new OptimisticLearner[LEARNERS];
        long before = liveHeap();
        for (int i = 0; i < LEARNERS; i++) {
            learners[i] = OptimisticLearner.start(spec, chunkSize, true);
            learners[i].runChunk(evidence); // every checkpoint taken, the logs started
        }
        long after = liveHeap();
        assertThat(learners).doesNotContainNull(); // keeps them reachable up to here
        return (double) (after - before - 16 - 4L * LEARNERS) / LEARNERS; // less the array holding them
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
