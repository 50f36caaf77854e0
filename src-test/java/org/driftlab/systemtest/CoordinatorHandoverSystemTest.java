package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node hosting the sweep coordinator (the oldest) leaves mid-sweep: the singleton moves, its entities
 * hand off (interrupted runs restart elsewhere), the new coordinator finds the submitter through the
 * receptionist, the submitter queues again what the old coordinator had handed out and not seen answered, and
 * the sweep completes with every run stored once and equal to lockstep.
 */
class CoordinatorHandoverSystemTest {
    private EmbeddedCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void sweepSurvivesTheCoordinatorsNodeLeaving() throws Exception {
        cluster = EmbeddedCluster.start(
                3,
                ConfigFactory.parseString(
                                """
                pekko.remote.artery.canonical.port = 0
                driftlab.sweep { in-flight-per-node = 2, shards = 30, start-timeout = 3s }
                # after the hand-over the last two nodes' leave can wait out these phases: keep teardown short
                pekko.coordinated-shutdown.phases.cluster-exiting.timeout = 2s
                pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 2s
                """)
                        .withFallback(ConfigFactory.load()));
        DriftlabNode oldest = cluster.nodes().get(0);
        SweepSpec sweep = SystemTestSpecs.sweep("handover", 2, 10_000);
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);

        InMemoryResultSink sink = new InMemoryResultSink();
        AtomicBoolean left = new AtomicBoolean();
        AtomicBoolean midSweep = new AtomicBoolean();
        CompletableFuture<SweepOutcome> done = cluster.nodes()
                .get(2)
                .sweepClient()
                .runAsync(sweep, sink, progress -> {
                    if (progress.done() >= 2 && left.compareAndSet(false, true)) {
                        // Leaving inside the listener blocks this submitter until node 0 is gone, so the hand-over
                        // surely happens mid-sweep (a listener must not block in real use; here it pins the order).
                        midSweep.set(progress.done() < progress.total());
                        oldest.close();
                    }
                })
                .toCompletableFuture();
        SweepOutcome outcome = done.get(180, TimeUnit.SECONDS);

        assertThat(left).isTrue();
        assertThat(midSweep)
                .as("the coordinator's node left before the sweep was over")
                .isTrue();
        assertThat(outcome.complete()).isTrue();
        assertThat(sink.offers.values())
                .allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(reference);
    }
}
