package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.driftlab.cluster.sweep.DriftlabNode;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.SweepLoader;
import org.junit.jupiter.api.Test;

/**
 * The configured maximum message size (Artery's maximum-frame-size, DRIFTLAB_MAX_FRAME_SIZE): a message whose
 * serialized form is larger is dropped by its sender, and the nodes carry on: both stay Up members and the
 * next message between them arrives.
 */
class MaximumFrameSizeSystemTest {
    @Test
    void anOversizedMessageIsDroppedAndTheNodesCarryOn() throws Exception {
        Config config = ConfigFactory.parseString(
                        """
                pekko.remote.artery.canonical.port = 0
                pekko.remote.artery.advanced.maximum-frame-size = 64KiB
                """)
                .withFallback(ConfigFactory.load());
        RunResult small = Simulation.run(
                SweepLoader.parse(DivergenceSystemTest.CONFIG, "frame.conf")
                        .runs()
                        .get(0),
                16);
        // ~200 KB of run id: three times the frame
        RunResult big =
                new RunResult("r".repeat(200_000), small.conditionId(), small.seed(), small.metrics(), 0, "test");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(2, config)) {
            DriftlabNode sender = cluster.nodes().get(0);
            DriftlabNode receiver = cluster.nodes().get(1);
            TestProbe<RunResult> probe = TestProbe.create(receiver.system());
            ActorRef<RunResult> remote = ActorRefResolver.get(sender.system())
                    .resolveActorRef(ActorRefResolver.get(receiver.system()).toSerializationFormat(probe.ref()));

            remote.tell(big);
            probe.expectNoMessage(Duration.ofSeconds(2));
            remote.tell(small);
            RunResult got = probe.receiveMessage(Duration.ofSeconds(20));
            assertThat(got.runId()).isEqualTo(small.runId());
            assertThat(got.metrics()).isEqualTo(small.metrics());

            assertThat(sender.workersUp()).isEqualTo(2);
            assertThat(receiver.workersUp()).isEqualTo(2);
            assertThat(sender.system().whenTerminated().isCompleted()).isFalse();
        }
    }
}
