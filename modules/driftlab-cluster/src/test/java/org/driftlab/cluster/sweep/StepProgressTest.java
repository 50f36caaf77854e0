package org.driftlab.cluster.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * A single long run reports its steps done while it runs: the entity's reports reach the submitter's listener
 * as {@link Progress#learnerSteps()} out of the sweep's steps, before the run ends. A one-node cluster of its
 * own with a short progress interval; the run (minutes of work) is stopped with the cluster.
 */
class StepProgressTest {

    @Test
    void aSingleLongRunReportsItsStepsBeforeItEnds() throws Exception {
        RunSpec run = SweepCoordinatorDeadlineTest.slowRun();
        BlockingQueue<Progress> progress = new LinkedBlockingQueue<>();
        try (EmbeddedCluster cluster = EmbeddedCluster.start(
                1,
                ConfigFactory.parseString("driftlab.learner.progress-interval = 100ms\n"
                                + "pekko.remote.artery.canonical.port = 0")
                        .withFallback(ConfigFactory.load()))) {
            cluster.client()
                    .runAsync(
                            new SweepSpec("long", "", List.of(), List.of(run)),
                            new InMemoryResultSink(),
                            progress::add);
            Progress first = progress.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("a step report within 60 s").isNotNull();
            assertThat(first.done()).as("the run has not ended").isZero();
            assertThat(first.learnerStepsTotal()).isEqualTo(run.steps());
            assertThat(first.learnerSteps()).isPositive().isLessThan(run.steps());
            Progress later = progress.poll(60, TimeUnit.SECONDS);
            assertThat(later).as("a second report").isNotNull();
            assertThat(later.learnerSteps()).as("steps only grow").isGreaterThan(first.learnerSteps());
            assertThat(later.stepFraction()).isBetween(0.0, 1.0);
        }
    }
}
