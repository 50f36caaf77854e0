package org.driftlab.cluster.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's deadlines (scanned on its poll, not timed per run): an answer the submitter does not
 * acknowledge is delivered again after delivery-timeout, never before it, and no more once acknowledged; a
 * run that outlasts run-timeout is dispatched again. Short timeouts on a one-node cluster of its own.
 */
class SweepCoordinatorDeadlineTest {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static EmbeddedCluster cluster;
    private static ActorSystem<?> system;
    private static ActorRef<SweepCoordinator.Command> coordinator;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.start(1, ConfigFactory.parseString(
                "driftlab.sweep { in-flight-per-node = 2, shards = 10, delivery-timeout = 1s, run-timeout = 1s,"
                        + " poll-interval = 200ms }\n"
                        // LoggingTestKit's wait after the block (3 s by default): ample room on a loaded CI machine
                        + "pekko.actor.testkit.typed.filter-leeway = 10s\n"
                        + "pekko.remote.artery.canonical.port = 0").withFallback(ConfigFactory.load()));
        system = cluster.nodes().get(0).system();
        coordinator = SweepCoordinator.initSingleton(system, cluster.nodes().get(0).settings());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    /** Hands out {@code runs} on the first pull and none after (the sweep is then drained). */
    private static TestProbe<SweepSubmitter.Command> submit(String sweepId, List<RunSpec> runs) {
        TestProbe<SweepSubmitter.Command> submitter = TestProbe.create(system);
        coordinator.tell(new SweepCoordinator.Submit(sweepId, runs.size(), 10, submitter.ref()));
        SweepSubmitter.Pull pull = submitter.expectMessageClass(SweepSubmitter.Pull.class, Duration.ofSeconds(20));
        assertThat(pull.max()).isGreaterThanOrEqualTo(runs.size());
        pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, runs));
        return submitter;
    }

    @Test
    void anUnacknowledgedAnswerIsDeliveredAgainAfterTheDeliveryTimeoutAndNotOnceAcknowledged() {
        String sweepId = "redeliver-" + UUID.randomUUID();
        RunSpec run = SweepCoordinatorTest.failingRuns(1).get(0);
        TestProbe<SweepSubmitter.Command> submitter = submit(sweepId, List.of(run));

        SweepSubmitter.RunFailed first = submitter.expectMessageClass(SweepSubmitter.RunFailed.class, Duration.ofSeconds(20));
        long firstAt = System.nanoTime();
        assertThat(first.runId()).isEqualTo(run.runId());
        SweepSubmitter.RunFailed again = submitter.expectMessageClass(SweepSubmitter.RunFailed.class,
                DELIVERY_TIMEOUT.plus(POLL).plusSeconds(3));
        assertThat(again.runId()).isEqualTo(run.runId());
        assertThat(Duration.ofNanos(System.nanoTime() - firstAt)).as("not before delivery-timeout")
                .isGreaterThanOrEqualTo(DELIVERY_TIMEOUT);

        again.replyTo().tell(new SweepCoordinator.Ack(sweepId, run.runId()));
        submitter.expectNoMessage(DELIVERY_TIMEOUT.plus(POLL).multipliedBy(2)); // drained: no pull, no delivery
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
    }

    @Test
    void aRunThatOutlastsTheRunTimeoutIsDispatchedAgain() {
        String sweepId = "slow-" + UUID.randomUUID();
        // plain SGD on a 2-dimensional quadratic for 10^9 steps: minutes of work, far past run-timeout = 1 s
        var stream = new QuadraticStreamSpec(2, SpectrumSpec.logSpaced(1, 1), false, 0.1, PriorSpec.standard(),
                null, List.of(), new NoSwitchSpec());
        RunSpec slow = new RunSpec("slow-" + UUID.randomUUID(), "c", 0, 7, 1_000_000_000L, 1.0, stream,
                new SgdSpec(0.01), new NoBeliefSpec(), new NoResetSpec(), MetricsSpec.defaults(), List.of());
        LoggingTestKit.info("re-dispatching run " + slow.runId() + " (attempt 2): no answer within")
                .expect(system, () -> submit(sweepId, List.of(slow)));
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
    }
}
