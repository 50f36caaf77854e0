package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.cluster.wire.WireMessage;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sweeps on three actor systems in one JVM (a real cluster over Artery TCP on 127.0.0.1) and on one: the
 * results equal the in-process lockstep reference {@code Simulation.run(spec, 1)} bit for bit, and the runs
 * really were spread over the three nodes. The three-node cluster is shared by the tests.
 */
class ClusterSweepSystemTest {
    private static final Config CONFIG = ConfigFactory.parseString(
                    """
            pekko.remote.artery.canonical.port = 0
            driftlab.learner.chunk-size = 37
            driftlab.sweep { in-flight-per-node = 3, shards = 30 }
            """)
            .withFallback(ConfigFactory.load());

    private static EmbeddedCluster three;

    /** A message that claims to be on the wire but is missing from the registration table. */
    record Unregistered(String text) implements WireMessage {}

    @BeforeAll
    static void start() throws Exception {
        three = EmbeddedCluster.start(3, CONFIG);
    }

    @AfterAll
    static void stop() {
        if (three != null) three.close();
    }

    @Test
    void oneAndThreeNodesGiveTheLockstepResultsAndThreeNodesShareTheWork() throws Exception {
        SweepSpec sweep = SystemTestSpecs.sweep("nodes", 3, 1500);
        Map<String, RunMetrics> reference = SystemTestSpecs.lockstep(sweep);

        InMemoryResultSink onOne = new InMemoryResultSink();
        try (EmbeddedCluster one = EmbeddedCluster.start(1, CONFIG)) {
            SweepOutcome outcome = one.client()
                    .runAsync(sweep, onOne, ProgressListener.none())
                    .toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.stored()).isEqualTo(sweep.runs().size());
        }
        assertThat(onOne.metrics()).isEqualTo(reference);

        InMemoryResultSink onThree = new InMemoryResultSink();
        SweepOutcome outcome = three.client()
                .runAsync(sweep, onThree, ProgressListener.none())
                .toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        assertThat(outcome.complete()).isTrue();
        assertThat(onThree.metrics()).isEqualTo(reference);
        assertThat(onThree.offers.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));

        Set<String> nodes = new HashSet<>();
        for (RunResult r : onThree.results.values()) nodes.add(r.node());
        Set<String> members = new HashSet<>();
        three.nodes().forEach(n -> members.add(n.incarnation()));
        assertThat(nodes).as("where the runs ran").isEqualTo(members);
    }

    @Test
    void storedRunsAreSkippedOnResume() throws Exception {
        SweepSpec sweep = SystemTestSpecs.sweep("resume", 1, 500);
        InMemoryResultSink sink = new InMemoryResultSink();
        List<RunSpec> firstHalf = sweep.runs().subList(0, sweep.runs().size() / 2);
        three.client()
                .runAsync(new SweepSpec("resume", "", List.of(), firstHalf), sink, ProgressListener.none())
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        SweepOutcome resumed = three.client()
                .runAsync(sweep, sink, ProgressListener.none())
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertThat(resumed.skipped()).isEqualTo(firstHalf.size());
        assertThat(resumed.stored()).isEqualTo(sweep.runs().size() - firstHalf.size());
        assertThat(sink.offers.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(sink.metrics()).isEqualTo(SystemTestSpecs.lockstep(sweep));
    }

    @Test
    void anUnregisteredMessageIsDroppedAndTheNodeCarriesOn() {
        var sender = three.nodes().get(0).system();
        TestProbe<WireMessage> probe = TestProbe.create(three.nodes().get(2).system());
        // the probe as node 0 sees it: a remote reference, so messages go through the serializer
        ActorRef<WireMessage> remote = ActorRefResolver.get(sender)
                .resolveActorRef(
                        ActorRefResolver.get(three.nodes().get(2).system()).toSerializationFormat(probe.ref()));
        remote.tell(new Unregistered("not in the table"));
        remote.tell(new org.driftlab.cluster.sweep.SweepCoordinator.Finish("still-connected"));
        assertThat(probe.receiveMessage(Duration.ofSeconds(10)))
                .isEqualTo(new org.driftlab.cluster.sweep.SweepCoordinator.Finish("still-connected"));
        probe.expectNoMessage(Duration.ofMillis(200));
        assertThat(three.nodes().get(0).workersUp()).isEqualTo(3);
    }
}
