package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Node faults mid-sweep with three worker nodes in child JVMs and a client node in this JVM (which cannot
 * host the coordinator: the singleton is restricted to the worker role): a worker SIGKILLed (the split-brain
 * resolver downs it and its runs are re-dispatched), the coordinator's node SIGKILLed (the singleton moves),
 * a worker SIGKILLed and replaced by a new JVM on the same port, and a worker frozen with SIGSTOP until the
 * split-brain resolver has downed it, then resumed with SIGCONT. In each the sweep completes with every run
 * stored exactly once and equal to the in-process lockstep reference.
 */
class NodeFaultSystemTest {
    private static final List<String> SETTINGS = List.of(
            "-Dpekko.cluster.split-brain-resolver.stable-after=2s",
            "-Dpekko.cluster.failure-detector.acceptable-heartbeat-pause=2s",
            // a joining replacement gets shards within about a second, not the default 10 s
            "-Dpekko.cluster.sharding.rebalance-interval=1s",
            "-Ddriftlab.sweep.in-flight-per-node=2",
            "-Ddriftlab.sweep.shards=30",
            "-Ddriftlab.sweep.start-timeout=3s",
            "-Ddriftlab.learner.chunk-size=64");

    private final List<Process> workers = new ArrayList<>();
    private final List<String> hostPorts = new ArrayList<>();
    private DriftlabNode client;

    @AfterEach
    void cleanUp() throws InterruptedException {
        try {
            if (client != null) client.close();
        } finally {
            // a SIGSTOPped child would ignore nothing but SIGKILL anyway; destroyAll sends SIGKILL
            ChildJvms.destroyAll(workers);
        }
    }

    @Test
    void sweepSurvivesAKilledWorker() throws Exception {
        startCluster("fault-kill");
        SweepSpec sweep = SystemTestSpecs.sweep("kill", 3, 10_000);
        // worker 2 is not the oldest, so the coordinator stays; its runs are re-dispatched to the others
        InMemoryResultSink sink = runWithFault(sweep, () -> {
            workers.get(2).destroyForcibly(); // SIGKILL
            ChildJvms.awaitRemoved(client.system(), hostPorts.get(2), 60);
        });

        assertExactlyOnceLockstep(sweep, sink);
        assertThat(client.workersUp()).isEqualTo(2);
    }

    @Test
    void sweepSurvivesTheCoordinatorsNodeKilled() throws Exception {
        startCluster("fault-coord");
        // the singleton runs on the oldest worker: the founder, worker 0
        assertThat(oldestWorker()).as("oldest worker (hosts the coordinator)").isEqualTo(hostPorts.get(0));

        SweepSpec sweep = SystemTestSpecs.sweep("coord-kill", 3, 10_000);
        InMemoryResultSink sink = runWithFault(sweep, () -> {
            workers.get(0).destroyForcibly(); // SIGKILL
            ChildJvms.awaitRemoved(client.system(), hostPorts.get(0), 60);
        });

        assertExactlyOnceLockstep(sweep, sink);
        // only a new singleton on a surviving worker can have finished the sweep
        assertThat(client.workersUp()).isEqualTo(2);
        assertThat(workers.subList(1, 3))
                .allSatisfy(p -> assertThat(p.isAlive()).as("worker JVM alive").isTrue());
    }

    @Test
    void sweepSurvivesAWorkerReplacedOnTheSamePort() throws Exception {
        startCluster("fault-replace");
        String replaced = hostPorts.get(2);
        int port = Integer.parseInt(replaced.substring(replaced.indexOf(':') + 1));
        Path log = ChildJvms.logDir().resolve("fault-replace-new-" + port + ".log");

        String old = incarnationAt(replaced);
        SweepSpec sweep = SystemTestSpecs.sweep("replace", 3, 10_000);
        InMemoryResultSink sink = runWithFault(sweep, () -> {
            workers.get(2).destroyForcibly(); // SIGKILL
            // the new incarnation may only join once the old one is removed (same host:port)
            ChildJvms.awaitRemoved(client.system(), replaced, 60);
            workers.add(ChildJvms.worker(port, hostPorts.get(0), SETTINGS, log));
            // hold the sweep until the replacement is Up: it joins mid-sweep
            client.awaitWorkersUp(3, Duration.ofSeconds(60));
        });
        assertExactlyOnceLockstep(sweep, sink);
        assertThat(client.workersUp()).isEqualTo(3);

        String replacement = incarnationAt(replaced);
        assertThat(replacement)
                .as("incarnations on one host:port")
                .isNotEqualTo(old)
                .startsWith(replaced + "#");

        // The replacement gets work, and RunResult.node tells it from the killed JVM on the same host:port.
        SweepSpec after = SystemTestSpecs.sweep("replace-after", 2, 3000);
        InMemoryResultSink afterSink = new InMemoryResultSink();
        SweepOutcome outcome = client.sweepClient()
                .runAsync(after, afterSink, ProgressListener.none())
                .toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        assertThat(outcome.complete()).isTrue();
        assertExactlyOnceLockstep(after, afterSink);
        Set<String> ranOn = new HashSet<>();
        for (RunResult r : afterSink.results.values()) ranOn.add(r.node());
        assertThat(ranOn)
                .as("nodes the second sweep ran on (replacement log %s)", log)
                .contains(replacement)
                .doesNotContain(old);
    }

    /** The incarnation (host:port#uid, as RunResult.node names it) of the member at {@code hostPort}. */
    private String incarnationAt(String hostPort) {
        for (Member m : Cluster.get(client.system()).state().getMembers()) {
            String incarnation = org.driftlab.cluster.learner.LearnerEntity.incarnation(m.uniqueAddress());
            if (incarnation.startsWith(hostPort + "#")) return incarnation;
        }
        throw new AssertionError("no member at " + hostPort);
    }

    @Test
    void sweepSurvivesAWorkerFrozenUntilDownedThenResumed() throws Exception {
        startCluster("fault-stop");
        Process frozen = workers.get(2);
        SweepSpec sweep = SystemTestSpecs.sweep("sigstop", 3, 10_000);
        InMemoryResultSink sink = runWithFault(sweep, () -> {
            ChildJvms.signal(frozen, "STOP"); // unreachable, like a partition from all others
            ChildJvms.awaitRemoved(client.system(), hostPorts.get(2), 60);
            // resumed after the majority downed it: it finds itself downed (or alone) and must not disturb
            ChildJvms.signal(frozen, "CONT");
        });

        assertExactlyOnceLockstep(sweep, sink);
        // the cluster is fine whether the resumed JVM terminated itself or lingers outside the cluster
        assertThat(client.workersUp()).isEqualTo(2);
        assertThat(Cluster.get(client.system()).state().getUnreachable()).isEmpty();
        assertThat(workers.subList(0, 2))
                .allSatisfy(p -> assertThat(p.isAlive()).as("worker JVM alive").isTrue());
    }

    /** Starts three worker JVMs (worker 0 founds the cluster, so it is the oldest) and joins the client. */
    private void startCluster(String name) throws Exception {
        Path logs = ChildJvms.logDir();
        String seed = null;
        for (int i = 0; i < 3; i++) {
            int port = ChildJvms.freePort();
            workers.add(ChildJvms.worker(port, seed, SETTINGS, logs.resolve(name + "-" + port + ".log")));
            hostPorts.add("127.0.0.1:" + port);
            if (seed == null) seed = hostPorts.get(0);
        }
        Config config = ConfigFactory.parseString(
                        """
                pekko.cluster.split-brain-resolver.stable-after = 2s
                pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s
                """)
                .withFallback(ConfigFactory.load());
        client = DriftlabNode.client("127.0.0.1", 0, List.of(seed), config);
        client.awaitWorkersUp(3, Duration.ofSeconds(90));
    }

    /** host:port of the oldest Up worker member as the client sees it (where the singleton runs). */
    private String oldestWorker() {
        Member oldest = null;
        for (Member m : Cluster.get(client.system()).state().getMembers()) {
            if (m.hasRole("worker")
                    && m.status() == org.apache.pekko.cluster.MemberStatus.up()
                    && (oldest == null || m.isOlderThan(oldest))) {
                oldest = m;
            }
        }
        assertThat(oldest).as("an Up worker").isNotNull();
        return oldest.address().getHost().orElse("") + ":"
                + oldest.address().getPort().orElse(0);
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /** Runs {@code sweep} with {@code fault} injected mid-sweep; returns the sink once the sweep completed. */
    private InMemoryResultSink runWithFault(SweepSpec sweep, Fault fault) throws Exception {
        InMemoryResultSink sink = new InMemoryResultSink();
        SweepOutcome outcome = startWithFault(sweep, sink, fault).get(240, TimeUnit.SECONDS);
        assertThat(outcome.complete()).isTrue();
        return sink;
    }

    /**
     * Starts {@code sweep} and injects {@code fault} once 4 runs are stored. The fault runs inside the
     * progress listener, blocking this submitter (no acks, so the window stays full of runs in flight) until
     * it returns: the recovery surely happens mid-sweep. The returned future fails if the fault did.
     */
    private CompletableFuture<SweepOutcome> startWithFault(SweepSpec sweep, InMemoryResultSink sink, Fault fault) {
        AtomicBoolean injected = new AtomicBoolean();
        AtomicBoolean midSweep = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        return client.sweepClient()
                .runAsync(sweep, sink, progress -> {
                    if (progress.done() >= 4 && injected.compareAndSet(false, true)) {
                        midSweep.set(progress.done() < progress.total());
                        try {
                            fault.inject();
                        } catch (Throwable e) {
                            failed.set(e);
                        }
                    }
                })
                .toCompletableFuture()
                .thenApply(outcome -> {
                    if (failed.get() != null) throw new AssertionError("fault injection failed", failed.get());
                    assertThat(injected).as("fault injected").isTrue();
                    assertThat(midSweep)
                            .as("fault injected before the sweep was over")
                            .isTrue();
                    return outcome;
                });
    }

    private static void assertExactlyOnceLockstep(SweepSpec sweep, InMemoryResultSink sink) {
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);
        assertThat(sink.offers.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(sink.offers.values())
                .allSatisfy(n -> assertThat(n.get()).as("stored once").isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(reference);
    }
}
