package org.driftlab.cluster.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.sim.InMemoryResultSink;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's flow control and bookkeeping on a one-node cluster (shared by the tests). The runs here
 * cannot be computed (a 2-dimensional metric for a 3-dimensional task), so they come back quickly as
 * failures, which is all the coordinator's logic needs; real runs are in the system tests.
 */
class SweepCoordinatorTest {
    private static final int IN_FLIGHT = 4;
    private static final int UNACKED = 3; // the probe submitter's announced limit of answers held unacknowledged
    private static EmbeddedCluster cluster;
    private static ActorRef<SweepCoordinator.Command> coordinator;

    @BeforeAll
    static void start() throws Exception {
        cluster = EmbeddedCluster.start(
                1,
                ConfigFactory.parseString("driftlab.sweep { in-flight-per-node = " + IN_FLIGHT
                                + ", pull-batch = 3, shards = 10 }\n" + "pekko.remote.artery.canonical.port = 0")
                        .withFallback(ConfigFactory.load()));
        coordinator = SweepCoordinator.initSingleton(
                cluster.nodes().get(0).system(), cluster.nodes().get(0).settings());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    static List<RunSpec> failingRuns(int n) {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var stream = new QuadraticStreamSpec(
                    3,
                    SpectrumSpec.logSpaced(1, 1),
                    false,
                    0.1,
                    PriorSpec.standard(),
                    null,
                    List.of(),
                    new NoSwitchSpec());
            var rule = new NaturalGradientSpec(
                    0.1, new MetricSpec(MetricSpec.Kind.DIAGONAL, List.of(1.0, 2.0), Double.NaN), 0.0);
            runs.add(new RunSpec(
                    prefix + "-" + i,
                    "c",
                    i,
                    7,
                    10,
                    1.0,
                    stream,
                    rule,
                    new NoBeliefSpec(),
                    new NoResetSpec(),
                    MetricsSpec.defaults(),
                    List.of()));
        }
        return runs;
    }

    @Test
    void neverMoreThanTheWindowComputingNorPastTheUnackedLimitAndEachAnswerOnce() {
        // the probe plays the submitter: it gets the pulls and, as the entities' reply address, their answers
        TestProbe<Object> submitter = TestProbe.create(cluster.nodes().get(0).system());
        String sweepId = "window-" + UUID.randomUUID();
        List<RunSpec> runs = failingRuns(10);
        coordinator.tell(new SweepCoordinator.Submit(
                sweepId,
                runs.size(),
                UNACKED,
                submitter.ref().narrow(),
                submitter.ref().narrow()));
        int next = 0;
        int computing = 0; // pulled and not answered
        Set<String> answered = new HashSet<>();
        List<String> pending = new ArrayList<>(); // answered, not yet reported to the coordinator
        List<String> unacked = new ArrayList<>(); // reported answered, not yet acknowledged
        int pullsAtLimit = 0;
        ActorRef<SweepCoordinator.Command> current = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answered.size() < runs.size() || !pending.isEmpty()) {
            assertThat(System.nanoTime()).as("sweep finished in time").isLessThan(deadline);
            Object m = poll(submitter);
            if (m == null) {
                // Quiet: report the answers, then acknowledge those reported at the previous quiet moment (only
                // now, so the window stays full meanwhile). A pull decided before the reports were all taken in
                // can still come: at most one, as a sweep has one pull outstanding at a time.
                List<String> reported = new ArrayList<>(unacked);
                for (String runId : pending) {
                    current.tell(new SweepCoordinator.RunReport(sweepId, runId, SweepCoordinator.Phase.ANSWERED, null));
                }
                unacked.clear();
                unacked.addAll(pending);
                pending.clear();
                for (String runId : reported) current.tell(new SweepCoordinator.Ack(sweepId, runId));
                pullsAtLimit = 0;
            } else if (m instanceof SweepSubmitter.Pull pull) {
                current = pull.replyTo();
                assertThat(computing + pull.max())
                        .as("pulled beyond the window")
                        .isLessThanOrEqualTo(IN_FLIGHT);
                if (unacked.size() >= UNACKED) pullsAtLimit++;
                assertThat(pullsAtLimit)
                        .as("pulls for a sweep at its unacked limit, past the one outstanding")
                        .isLessThanOrEqualTo(1);
                List<RunSpec> batch = runs.subList(next, Math.min(runs.size(), next + pull.max()));
                next += batch.size();
                computing += batch.size();
                pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, batch));
            } else if (m instanceof LearnerEntity.Started started) {
                current.tell(new SweepCoordinator.RunReport(
                        sweepId, started.runId(), SweepCoordinator.Phase.STARTED, started.node()));
            } else if (m instanceof LearnerEntity.Failed failed) {
                assertThat(answered.add(failed.runId()))
                        .as("answered once: %s", failed.runId())
                        .isTrue();
                computing--; // the coordinator still counts it computing until reported: never fewer than here
                pending.add(failed.runId());
            } else {
                throw new AssertionError("unexpected " + m);
            }
        }
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
        assertThat(answered).hasSize(runs.size());
    }

    @Test
    void aSweepWhoseSubmittersNodeIsRemovedIsDroppedAndItsPullNoLongerCounts() throws Exception {
        DriftlabNode worker = cluster.nodes().get(0);
        String abandoned = "abandoned-" + UUID.randomUUID();
        try (DriftlabNode client = DriftlabNode.client(
                "127.0.0.1",
                0,
                List.of(worker.hostPort()),
                ConfigFactory.parseString("pekko.cluster.jmx.multi-mbeans-in-same-jvm = on")
                        .withFallback(ConfigFactory.load()))) {
            client.awaitWorkersUp(1, Duration.ofSeconds(30));
            TestProbe<Object> remote = TestProbe.create(client.system());
            // the probe as the worker sees it (a remote reference with the client's address), as after the wire
            ActorRef<Object> submitter = ActorRefResolver.get(worker.system())
                    .resolveActorRef(ActorRefResolver.get(client.system()).toSerializationFormat(remote.ref()));
            coordinator.tell(
                    new SweepCoordinator.Submit(abandoned, 10, UNACKED, submitter.narrow(), submitter.narrow()));
            // left unanswered: the pull is outstanding when the submitter's node goes
            assertThat(remote.expectMessageClass(SweepSubmitter.Pull.class, Duration.ofSeconds(10))
                            .max())
                    .isEqualTo(3);
        }
        assertTheWholeWindowIsFree();
    }

    @Test
    void aSweepWhoseSubmitterStopsWithoutFinishingIsDropped() throws Exception {
        TestProbe<Object> submitter = TestProbe.create(cluster.nodes().get(0).system());
        String sweepId = "stopped-" + UUID.randomUUID();
        coordinator.tell(new SweepCoordinator.Submit(
                sweepId, 10, UNACKED, submitter.ref().narrow(), submitter.ref().narrow()));
        SweepSubmitter.Pull pull = submitter.expectMessageClass(SweepSubmitter.Pull.class, Duration.ofSeconds(10));
        // runs computing for it (never reported answered) and a pull outstanding: all of the window
        pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, failingRuns(pull.max())));
        SweepSubmitter.Pull second = submitter
                .fishForMessage(
                        Duration.ofSeconds(10),
                        m -> m instanceof SweepSubmitter.Pull
                                ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
                                : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore())
                .stream()
                .map(SweepSubmitter.Pull.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(second.max()).isEqualTo(IN_FLIGHT - pull.max());
        LoggingTestKit.warn("the submitter of sweep " + sweepId + " stopped: sweep dropped")
                .expect(cluster.nodes().get(0).system(), () -> {
                    submitter.stop();
                    return null;
                });
        assertTheWholeWindowIsFree();
    }

    /**
     * Every node (worker or client) runs the resolver on the worker role, whatever the configuration says, so
     * clients never count; PartitionSystemTest shows on a real partition that a client cannot tip the outcome.
     */
    @Test
    void theSplitBrainResolverCountsWorkersOnly() throws Exception {
        String key = "pekko.cluster.split-brain-resolver.keep-majority.role";
        DriftlabNode worker = cluster.nodes().get(0);
        assertThat(worker.system().settings().config().getString(key))
                .isEqualTo(worker.settings().sweep().workerRole());
        try (DriftlabNode client = DriftlabNode.client(
                "127.0.0.1",
                0,
                List.of(worker.hostPort()),
                ConfigFactory.parseString(key + " = \"\"\npekko.cluster.jmx.multi-mbeans-in-same-jvm = on")
                        .withFallback(ConfigFactory.load()))) {
            assertThat(client.system().settings().config().getString(key)).isEqualTo("worker");
        }
    }

    /**
     * Once the coordinator has dropped a sweep, a new one gets the whole window again (its first pull asks
     * min(window, pull-batch) = 3); were the dropped sweep's pull still counted, it would get 1 or none.
     */
    private static void assertTheWholeWindowIsFree() throws InterruptedException {
        TestProbe<SweepSubmitter.Command> local =
                TestProbe.create(cluster.nodes().get(0).system());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int asked = 0;
        while (asked != 3) {
            assertThat(System.nanoTime())
                    .as("window freed in time (last pull asked %d)", asked)
                    .isLessThan(deadline);
            String probeId = "after-" + UUID.randomUUID();
            coordinator.tell(new SweepCoordinator.Submit(
                    probeId, 10, UNACKED, local.ref(), local.ref().unsafeUpcast()));
            asked = local.expectMessageClass(SweepSubmitter.Pull.class, Duration.ofSeconds(10))
                    .max();
            coordinator.tell(new SweepCoordinator.Finish(probeId)); // frees its outstanding pull
            Thread.sleep(100);
        }
        local.expectNoMessage(Duration.ofMillis(200)); // nothing more for the finished probes
    }

    /** The next message, or null when none comes within 300 ms. */
    private static Object poll(TestProbe<Object> probe) {
        try {
            return probe.receiveMessage(Duration.ofMillis(300));
        } catch (AssertionError timeout) {
            return null;
        }
    }

    @Test
    void clientCompletesWithEveryFailureRecordedOnce() throws Exception {
        List<RunSpec> runs = failingRuns(12);
        InMemoryResultSink sink = new InMemoryResultSink();
        List<Progress> progress = new ArrayList<>();
        SweepOutcome outcome = cluster.client()
                .runAsync(new SweepSpec("failing", "", List.of(), runs), sink, progress::add)
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome.failures())
                .hasSize(12)
                .containsOnlyKeys(runs.stream().map(RunSpec::runId).toList());
        assertThat(outcome.stored()).isZero();
        assertThat(outcome.complete()).isFalse();
        assertThat(progress).hasSize(12);
        assertThat(progress.get(11).done()).isEqualTo(12);
        assertThat(sink.results).isEmpty();
    }

    @Test
    void theSameRunsInTwoConcurrentSweepsAreAnsweredToBoth() throws Exception {
        List<RunSpec> runs = failingRuns(10);
        var first = cluster.client()
                .runAsync(
                        new SweepSpec("twice", "", List.of(), runs), new InMemoryResultSink(), ProgressListener.none())
                .toCompletableFuture();
        var second = cluster.client()
                .runAsync(
                        new SweepSpec("twice", "", List.of(), runs), new InMemoryResultSink(), ProgressListener.none())
                .toCompletableFuture();
        assertThat(first.get(60, TimeUnit.SECONDS).failures()).hasSize(10);
        assertThat(second.get(60, TimeUnit.SECONDS).failures()).hasSize(10);
    }

    @Test
    void storedRunsAreSkipped() throws Exception {
        List<RunSpec> runs = failingRuns(3);
        InMemoryResultSink sink = new InMemoryResultSink() {
            @Override
            public Set<String> storedRunIds(SweepSpec sweep) {
                return Set.of(runs.get(0).runId(), runs.get(2).runId());
            }
        };
        SweepOutcome outcome = cluster.client()
                .runAsync(new SweepSpec("skip", "", List.of(), runs), sink, ProgressListener.none())
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome.skipped()).isEqualTo(2);
        assertThat(outcome.failures()).containsOnlyKeys(runs.get(1).runId());
    }
}
