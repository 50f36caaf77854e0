package org.driftlab.cluster.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.driftlab.cluster.learner.LearnerEntity;
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
 * The coordinator's deadlines (scanned on its poll, not timed per run): a dispatch whose start is not reported
 * within start-timeout, and a started run not answered within run-timeout, are dispatched again, and the
 * submitter is told how many runs went again and why. Short timeouts on a one-node cluster of its own; the
 * test plays the submitter, which the entities answer.
 */
class SweepCoordinatorDeadlineTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static EmbeddedCluster cluster;
    private static ActorSystem<?> system;
    private static ActorRef<SweepCoordinator.Command> coordinator;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.start(
                1,
                ConfigFactory.parseString(
                                "driftlab.sweep { in-flight-per-node = 2, shards = 10, start-timeout = 1s, run-timeout = 2s,"
                                        + " poll-interval = 200ms }\n"
                                        + "pekko.remote.artery.canonical.port = 0")
                        .withFallback(ConfigFactory.load()));
        system = cluster.nodes().get(0).system();
        coordinator =
                SweepCoordinator.initSingleton(system, cluster.nodes().get(0).settings());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    /** A run of plain SGD on a 2-dimensional quadratic for 10^9 steps: minutes of work, far past the timeouts. */
    static RunSpec slowRun() {
        var stream = new QuadraticStreamSpec(
                2, SpectrumSpec.logSpaced(1, 1), false, 0.1, PriorSpec.standard(), null, List.of(), new NoSwitchSpec());
        return new RunSpec(
                "slow-" + UUID.randomUUID(),
                "c",
                0,
                7,
                1_000_000_000L,
                1.0,
                stream,
                new SgdSpec(0.01),
                new NoBeliefSpec(),
                new NoResetSpec(),
                MetricsSpec.defaults(),
                List.of());
    }

    /** Hands out {@code run} on the first pull and none after (the sweep is then drained); returns the pull. */
    private static SweepSubmitter.Pull submit(String sweepId, RunSpec run, TestProbe<Object> submitter) {
        coordinator.tell(new SweepCoordinator.Submit(
                sweepId, 1, 10, submitter.ref().narrow(), submitter.ref().narrow()));
        SweepSubmitter.Pull pull = submitter.expectMessageClass(SweepSubmitter.Pull.class, Duration.ofSeconds(20));
        pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, List.of(run)));
        return pull;
    }

    /**
     * The next re-dispatch notice, passing over the entity's starts and step reports (the second dispatch's
     * start, from the entity, may come before or after the coordinator's notice).
     */
    private static SweepSubmitter.Redispatching redispatching(TestProbe<Object> submitter, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Object m = submitter.receiveMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (m instanceof SweepSubmitter.Redispatching r) return r;
            assertThat(m)
                    .as("before the re-dispatch notice")
                    .isInstanceOfAny(LearnerEntity.Started.class, LearnerEntity.Progressed.class);
        }
    }

    @Test
    void aDispatchWhoseStartIsNotReportedIsDispatchedAgainAfterTheStartTimeout() {
        String sweepId = "unstarted-" + UUID.randomUUID();
        TestProbe<Object> submitter = TestProbe.create(system);
        RunSpec run = slowRun();
        submit(sweepId, run, submitter);
        assertThat(submitter
                        .expectMessageClass(LearnerEntity.Started.class, Duration.ofSeconds(20))
                        .runId())
                .isEqualTo(run.runId());
        long firstAt = System.nanoTime();
        // not reported: the coordinator cannot tell the entity got it, so it sends it again (the entity joins)
        SweepSubmitter.Redispatching again =
                redispatching(submitter, START_TIMEOUT.plus(POLL).plusSeconds(3));
        assertThat(Duration.ofNanos(System.nanoTime() - firstAt))
                .as("not before start-timeout")
                .isGreaterThanOrEqualTo(START_TIMEOUT.minus(POLL));
        assertThat(again).isEqualTo(new SweepSubmitter.Redispatching(sweepId, 1, "not started within PT1S", null));
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
    }

    @Test
    void aRunThatOutlastsTheRunTimeoutIsDispatchedAgain() {
        String sweepId = "slow-" + UUID.randomUUID();
        TestProbe<Object> submitter = TestProbe.create(system);
        RunSpec run = slowRun();
        SweepSubmitter.Pull pull = submit(sweepId, run, submitter);
        LearnerEntity.Started started =
                submitter.expectMessageClass(LearnerEntity.Started.class, Duration.ofSeconds(20));
        pull.replyTo()
                .tell(new SweepCoordinator.RunReport(
                        sweepId, run.runId(), SweepCoordinator.Phase.STARTED, started.node()));
        assertThat(redispatching(submitter, Duration.ofSeconds(10)))
                .isEqualTo(new SweepSubmitter.Redispatching(sweepId, 1, "no answer within PT2S", started.node()));
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
    }
}
