package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.driftlab.core.sim.InMemoryResultSink;

/**
 * Three worker nodes in child JVMs and a client node in this JVM. One worker (not the oldest, which hosts
 * the coordinator) is killed with SIGKILL mid-sweep: the split-brain resolver downs it, its runs are
 * re-dispatched to the others, and the sweep completes with every run stored exactly once and every result
 * equal to the in-process lockstep reference.
 */
class WorkerKillSystemTest {
    private static final String[] SETTINGS = {
            "-Dpekko.cluster.split-brain-resolver.stable-after=2s",
            "-Dpekko.cluster.failure-detector.acceptable-heartbeat-pause=2s",
            "-Ddriftlab.sweep.in-flight-per-node=2",
            "-Ddriftlab.sweep.shards=30",
            "-Ddriftlab.sweep.start-timeout=3s",
            "-Ddriftlab.learner.chunk-size=64"};

    private final List<Process> workers = new ArrayList<>();
    private DriftlabNode client;

    @AfterEach
    void cleanUp() throws InterruptedException {
        try {
            if (client != null) client.close();
        } finally {
            ChildJvms.destroyAll(workers);
        }
    }

    @Test
    void sweepSurvivesAKilledWorker() throws Exception {
        int[] ports = {ChildJvms.freePort(), ChildJvms.freePort(), ChildJvms.freePort()};
        Path logs = ChildJvms.logDir();
        String seed = "127.0.0.1:" + ports[0];
        for (int i = 0; i < 3; i++) {
            workers.add(ChildJvms.worker(ports[i], i == 0 ? null : seed, List.of(SETTINGS),
                    logs.resolve("kill-worker-" + ports[i] + ".log")));
        }

        Config config = ConfigFactory.parseString("""
                pekko.cluster.split-brain-resolver.stable-after = 2s
                pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s
                """).withFallback(ConfigFactory.load());
        client = DriftlabNode.client("127.0.0.1", 0, List.of(seed), config);
        client.awaitWorkersUp(3, Duration.ofSeconds(90));

        SweepSpec sweep = SystemTestSpecs.sweep("kill", 3, 10_000);
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);

        InMemoryResultSink sink = new InMemoryResultSink();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean midSweep = new AtomicBoolean();
        CompletableFuture<SweepOutcome> done = client.sweepClient().runAsync(sweep, sink, progress -> {
            if (progress.done() >= 4 && killed.compareAndSet(false, true)) {
                midSweep.set(progress.done() < progress.total());
                workers.get(2).destroyForcibly(); // SIGKILL
                // Block this submitter (no acks, so the window stays full of runs in flight) until the
                // split-brain resolver has downed the dead node: the recovery surely happens mid-sweep.
                awaitDowned();
            }
        }).toCompletableFuture();
        SweepOutcome outcome = done.get(240, TimeUnit.SECONDS);

        assertThat(killed).isTrue();
        assertThat(midSweep).as("killed before the sweep was over").isTrue();
        assertThat(outcome.complete()).isTrue();
        assertThat(sink.offers.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(sink.offers.values()).allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(reference);
    }

    private void awaitDowned() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (client.workersUp() > 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
