package org.driftlab.cluster.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
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
 * The submitter's group commit, driven message by message with a probe in the coordinator's place (no
 * cluster): answers are held until the batch is full, its delay has passed or no other answer can come,
 * stored in one sink call, and only then acknowledged, in arrival order; a failing batch acknowledges none; a
 * resumed sweep runs exactly the runs the sink does not hold.
 */
class SweepSubmitterTest {
    private static final Duration LONG = Duration.ofMinutes(10); // a batch delay that never fires in a test
    private static ActorTestKit testKit;
    private static List<RunSpec> runs;
    private static List<RunResult> results;

    @BeforeAll
    static void start() {
        // a cluster provider (the submitter reports membership changes), never joined: no cluster forms
        testKit = ActorTestKit.create(
                "submitter",
                ConfigFactory.parseString("pekko.remote.artery.canonical.port = 0")
                        .withFallback(ConfigFactory.load()));
        runs = new ArrayList<>();
        results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
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
                    0.1, new MetricSpec(MetricSpec.Kind.DIAGONAL, List.of(1.0, 2.0, 3.0), Double.NaN), 0.0);
            RunSpec spec = new RunSpec(
                    "run-" + i,
                    "c",
                    i,
                    7,
                    20,
                    1.0,
                    stream,
                    rule,
                    new NoBeliefSpec(),
                    new NoResetSpec(),
                    MetricsSpec.defaults(),
                    List.of());
            runs.add(spec);
            results.add(Simulation.run(spec, 8));
        }
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    /** A sink that records each call: the run ids of each {@code acceptAll}, and single accepts. Thread-safe. */
    static class RecordingSink implements ResultSink {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<String> singles = Collections.synchronizedList(new ArrayList<>());
        final Set<String> stored = Collections.synchronizedSet(new HashSet<>());
        volatile int failOnBatch = -1; // the index of the acceptAll call that throws (storing nothing), or −1

        @Override
        public void beginSweep(SweepSpec sweep) {}

        @Override
        public Set<String> storedRunIds(SweepSpec sweep) {
            Set<String> ids = new HashSet<>();
            for (RunSpec r : sweep.runs()) if (stored.contains(r.runId())) ids.add(r.runId());
            return ids;
        }

        @Override
        public void accept(RunSpec spec, RunResult result) {
            singles.add(result.runId());
            stored.add(result.runId());
        }

        @Override
        public void acceptAll(List<Entry> entries) {
            if (batches.size() == failOnBatch) {
                batches.add(List.of());
                throw new IllegalStateException("disk full");
            }
            List<String> ids = new ArrayList<>();
            for (Entry e : entries) ids.add(e.result().runId());
            batches.add(ids);
            stored.addAll(ids);
        }

        @Override
        public void close() {}
    }

    private record Started(
            ActorRef<SweepSubmitter.Command> submitter,
            TestProbe<SweepCoordinator.Command> coordinator,
            ActorRef<LearnerEntity.Reply> answers,
            CompletableFuture<SweepOutcome> done,
            List<Progress> progress,
            List<String> failedOn) {
        /** Pulls every pending spec (as the coordinator does) and returns them. */
        List<RunSpec> pullAll() {
            return pull(coordinator, "inc", 100);
        }

        List<RunSpec> pull(TestProbe<SweepCoordinator.Command> by, String incarnation, int max) {
            submitter.tell(new SweepSubmitter.Pull("s", incarnation, max, 1, by.ref()));
            return by.expectMessageClass(SweepCoordinator.Specs.class).specs();
        }

        /** Run i's entity answers the submitter directly, as it does in a cluster. */
        void deliver(int i) {
            answers.tell(new LearnerEntity.Finished(results.get(i)));
        }

        /** The next {@code n} acknowledgements, passing over the run reports between them. */
        List<String> acks(int n) {
            List<String> ids = new ArrayList<>();
            while (ids.size() < n) {
                SweepCoordinator.Command m = coordinator.receiveMessage(Duration.ofSeconds(5));
                if (m instanceof SweepCoordinator.Ack ack) ids.add(ack.runId());
                else assertThat(m).as("between acknowledgements").isInstanceOf(SweepCoordinator.RunReport.class);
            }
            return ids;
        }

        /** No acknowledgement (nor anything but run reports) for 200 ms. */
        void noAck() {
            long end = System.nanoTime() + Duration.ofMillis(200).toNanos();
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) return;
                SweepCoordinator.Command m;
                try {
                    m = coordinator.receiveMessage(Duration.ofNanos(left));
                } catch (AssertionError timedOut) {
                    return;
                }
                assertThat(m).as("while answers are held").isInstanceOf(SweepCoordinator.RunReport.class);
            }
        }
    }

    private static Started start(List<RunSpec> pending, ResultSink sink, int batchSize, Duration delay) {
        SweepSettings settings = new SweepSettings(
                4,
                10,
                "worker",
                3,
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                Duration.ofMillis(500),
                batchSize,
                delay);
        TestProbe<SweepCoordinator.Command> coordinator = testKit.createTestProbe();
        CompletableFuture<SweepOutcome> done = new CompletableFuture<>();
        List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
        List<String> failedOn = Collections.synchronizedList(new ArrayList<>()); // "runId@node: error"
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(Progress p) {
                progress.add(p);
            }

            @Override
            public void onFailed(String runId, String node, String error) {
                failedOn.add(runId + "@" + node + ": " + error);
            }
        };
        ActorRef<SweepSubmitter.Command> submitter = testKit.spawn(SweepSubmitter.create(
                "sweep",
                "s",
                pending,
                runs.size() - pending.size(),
                sink,
                listener,
                coordinator.ref(),
                settings,
                done));
        SweepCoordinator.Submit submit = coordinator.expectMessageClass(SweepCoordinator.Submit.class);
        assertThat(submit.unackedLimit()).isEqualTo(2 * batchSize);
        return new Started(submitter, coordinator, submit.answers(), done, progress, failedOn);
    }

    @Test
    void answersAreHeldUntilTheBatchIsFullThenStoredInOneCallAndAcknowledgedInArrivalOrder() throws Exception {
        RecordingSink sink = new RecordingSink();
        Started s = start(runs, sink, 4, LONG);
        assertThat(s.pullAll()).hasSize(8);
        for (int i : new int[] {2, 0, 1}) s.deliver(i);
        s.noAck();
        assertThat(sink.batches).isEmpty();
        assertThat(s.progress()).isEmpty();
        s.deliver(5);
        assertThat(s.acks(4)).containsExactly("run-2", "run-0", "run-1", "run-5");
        assertThat(sink.batches).containsExactly(List.of("run-2", "run-0", "run-1", "run-5"));
        assertThat(s.progress()).hasSize(4);
        for (int i : new int[] {3, 4, 6, 7}) s.deliver(i);
        assertThat(s.acks(4)).containsExactly("run-3", "run-4", "run-6", "run-7");
        fishFinish(s.coordinator());
        SweepOutcome outcome = s.done().get(10, TimeUnit.SECONDS);
        assertThat(outcome.stored()).isEqualTo(8);
        assertThat(sink.batches).hasSize(2);
        assertThat(sink.singles).isEmpty();
    }

    @Test
    void failuresTakeTheSameOrderedPathAndARepeatedAnswerIsDropped() throws Exception {
        RecordingSink sink = new RecordingSink();
        Started s = start(runs.subList(0, 3), sink, 3, LONG);
        s.pullAll();
        s.deliver(0);
        s.answers().tell(new LearnerEntity.Failed("run-1", "w:1#7", "boom"));
        s.deliver(0); // a second answer of a held run (a re-dispatch): not a third answer of the batch
        s.noAck();
        s.deliver(2);
        assertThat(s.acks(3)).containsExactly("run-0", "run-1", "run-2");
        assertThat(sink.batches).containsExactly(List.of("run-0", "run-2"));
        fishFinish(s.coordinator());
        SweepOutcome outcome = s.done().get(10, TimeUnit.SECONDS);
        assertThat(outcome.stored()).isEqualTo(2);
        assertThat(outcome.failures()).containsOnlyKeys("run-1");
        assertThat(s.failedOn()).as("the failing node reaches the listener").containsExactly("run-1@w:1#7: boom");
    }

    @Test
    void stepsReportedByRunsUnderWayAddUpUntilTheyAreAnswered() throws Exception {
        Started s = start(runs.subList(0, 3), new RecordingSink(), 1, LONG);
        s.pullAll();
        long total = 3 * runs.get(0).steps(); // 20 steps each
        s.answers().tell(new LearnerEntity.Progressed("run-0", 8));
        s.answers().tell(new LearnerEntity.Progressed("run-1", 5));
        s.answers().tell(new LearnerEntity.Progressed("run-0", 3)); // a re-dispatched attempt behind: ignored
        s.answers().tell(new LearnerEntity.Progressed("run-9", 4)); // not of this sweep: ignored
        s.deliver(0); // answered: all its steps, its reports dropped
        s.answers().tell(new LearnerEntity.Progressed("run-0", 12)); // after its answer: ignored
        s.answers().tell(new LearnerEntity.Progressed("run-1", 9));
        assertThat(s.acks(1)).containsExactly("run-0");
        s.coordinator().awaitAssert(() -> assertThat(s.progress()).hasSize(4));
        assertThat(s.progress())
                .extracting(p -> p.done() + ":" + p.learnerSteps() + "/" + p.learnerStepsTotal())
                .containsExactly("5:8/" + total, "5:13/" + total, "6:25/" + total, "6:29/" + total); // 5 skipped
    }

    @Test
    void aPartialBatchIsStoredOnceItsFirstAnswerHasWaitedTheDelay() throws Exception {
        RecordingSink sink = new RecordingSink();
        Started s = start(runs.subList(0, 3), sink, 100, Duration.ofMillis(100));
        s.pullAll();
        s.deliver(1);
        s.deliver(0);
        assertThat(s.acks(2)).containsExactly("run-1", "run-0"); // the probe waits up to 3 s
        assertThat(sink.batches).containsExactly(List.of("run-1", "run-0"));
        s.deliver(1); // already stored: dropped, not stored again
        s.deliver(2);
        assertThat(s.acks(1)).containsExactly("run-2");
        assertThat(s.done().get(10, TimeUnit.SECONDS).stored()).isEqualTo(3);
        assertThat(sink.batches).containsExactly(List.of("run-1", "run-0"), List.of("run-2"));
    }

    @Test
    void aFailingBatchIsAcknowledgedNotAtAllAndTheResumedSweepRunsExactlyTheRest() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.failOnBatch = 1; // the second commit fails (a full disk, or an interrupt refusing results)
        Started s = start(runs, sink, 3, LONG);
        s.pullAll();
        for (int i = 0; i < 3; i++) s.deliver(i);
        assertThat(s.acks(3)).containsExactly("run-0", "run-1", "run-2");
        for (int i = 3; i < 6; i++) s.deliver(i);
        fishFinish(s.coordinator()); // no ack for the failed batch
        s.noAck();
        assertThat(s.done()).isCompletedExceptionally();
        try {
            s.done().get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).hasMessage("disk full");
        }
        assertThat(sink.stored).containsExactlyInAnyOrder("run-0", "run-1", "run-2");

        // resumed as SweepClient does: the pending runs are those the sink does not hold
        sink.failOnBatch = -1;
        Set<String> have = sink.storedRunIds(new SweepSpec("sweep", "", List.of(), runs));
        List<RunSpec> pending =
                runs.stream().filter(r -> !have.contains(r.runId())).toList();
        Started again = start(pending, sink, 3, LONG);
        List<RunSpec> pulled = again.pullAll();
        assertThat(pulled).extracting(RunSpec::runId).containsExactly("run-3", "run-4", "run-5", "run-6", "run-7");
        for (int i = 3; i < 8; i++) again.deliver(i);
        assertThat(again.acks(5)).containsExactly("run-3", "run-4", "run-5", "run-6", "run-7");
        SweepOutcome resumed = again.done().get(10, TimeUnit.SECONDS);
        assertThat(resumed.stored()).isEqualTo(5);
        assertThat(resumed.skipped()).isEqualTo(3);
        assertThat(sink.stored).hasSize(8);
    }

    @Test
    void theLastAnswersOfASweepAreStoredAtOnceNotAfterTheDelay() throws Exception {
        RecordingSink sink = new RecordingSink();
        Started s = start(runs.subList(0, 3), sink, 100, LONG);
        s.pullAll();
        s.deliver(1);
        s.deliver(0);
        s.noAck(); // run-2 may still fill the batch
        s.deliver(2); // nothing more can come: a partial batch, stored now
        assertThat(s.acks(3)).containsExactly("run-1", "run-0", "run-2");
        assertThat(sink.batches).containsExactly(List.of("run-1", "run-0", "run-2"));
        fishFinish(s.coordinator());
        assertThat(s.done().get(10, TimeUnit.SECONDS).stored()).isEqualTo(3);
    }

    @Test
    void startsAndAnswersAreReportedToTheCoordinatorThatHandedTheRunOut() {
        Started s = start(runs.subList(0, 2), new RecordingSink(), 100, LONG);
        TestProbe<SweepCoordinator.Command> other = testKit.createTestProbe();
        assertThat(s.pull(s.coordinator(), "a", 1)).extracting(RunSpec::runId).containsExactly("run-0");
        assertThat(s.pull(other, "b", 1)).extracting(RunSpec::runId).containsExactly("run-1");
        s.answers().tell(new LearnerEntity.Started("run-1", "w:1#7"));
        s.answers().tell(new LearnerEntity.Started("run-0", "w:2#8"));
        assertThat(other.expectMessageClass(SweepCoordinator.RunReport.class))
                .isEqualTo(new SweepCoordinator.RunReport("s", "run-1", SweepCoordinator.Phase.STARTED, "w:1#7"));
        assertThat(s.coordinator().expectMessageClass(SweepCoordinator.RunReport.class))
                .isEqualTo(new SweepCoordinator.RunReport("s", "run-0", SweepCoordinator.Phase.STARTED, "w:2#8"));
        s.answers().tell(new LearnerEntity.Interrupted("run-1", 5));
        assertThat(other.expectMessageClass(SweepCoordinator.RunReport.class).phase())
                .isEqualTo(SweepCoordinator.Phase.INTERRUPTED);
        s.deliver(0);
        assertThat(s.coordinator()
                        .expectMessageClass(SweepCoordinator.RunReport.class)
                        .phase())
                .isEqualTo(SweepCoordinator.Phase.ANSWERED);
        other.expectNoMessage(Duration.ofMillis(100));
    }

    @Test
    void aNewCoordinatorIsAnsweredAnAnnouncementAndTheRunsOfAStoppedOneAreQueuedAgainFirst() throws Exception {
        RecordingSink sink = new RecordingSink();
        Started s = start(runs.subList(0, 4), sink, 100, LONG);
        TestProbe<SweepCoordinator.Command> old = testKit.createTestProbe();
        assertThat(s.pull(old, "old", 2)).extracting(RunSpec::runId).containsExactly("run-0", "run-1");
        // the new incarnation found the submitter through the receptionist
        TestProbe<SweepCoordinator.Command> fresh = testKit.createTestProbe();
        s.submitter().tell(new SweepSubmitter.Announce("new", fresh.ref()));
        SweepCoordinator.Submit announced = fresh.expectMessageClass(SweepCoordinator.Submit.class);
        assertThat(announced.total()).isEqualTo(4);
        assertThat(announced.answers()).isEqualTo(s.answers());
        assertThat(s.pull(fresh, "new", 1)).extracting(RunSpec::runId).containsExactly("run-2");
        s.deliver(1); // the old incarnation's run answers the submitter directly: stored, not queued again
        assertThat(s.pull(fresh, "new", 0)).isEmpty(); // a pull in between keeps the order of messages known

        old.stop();
        // queued again and announced through the singleton proxy: the current coordinator pulls them first
        assertThat(s.coordinator()
                        .expectMessageClass(SweepCoordinator.Submit.class)
                        .sweepId())
                .isEqualTo("s");
        assertThat(s.pull(fresh, "new", 10)).extracting(RunSpec::runId).containsExactly("run-0", "run-3");
        for (int i : new int[] {0, 2, 3}) s.deliver(i);
        assertThat(s.done().get(10, TimeUnit.SECONDS).stored()).isEqualTo(4);
        assertThat(sink.stored).containsExactlyInAnyOrder("run-0", "run-1", "run-2", "run-3");
    }

    @Test
    void reDispatchesAndACoordinatorMoveAreToldToTheListener() {
        List<ClusterNotice> notices = Collections.synchronizedList(new ArrayList<>());
        TestProbe<SweepCoordinator.Command> coordinator = testKit.createTestProbe();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {}

            @Override
            public void onNotice(ClusterNotice notice) {
                notices.add(notice);
            }
        };
        SweepSettings settings = new SweepSettings(
                4, 10, "worker", 3, Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofMillis(500), 100, LONG);
        ActorRef<SweepSubmitter.Command> submitter = testKit.spawn(SweepSubmitter.create(
                "sweep",
                "n",
                runs,
                0,
                new RecordingSink(),
                listener,
                coordinator.ref(),
                settings,
                new CompletableFuture<>()));
        submitter.tell(new SweepSubmitter.Pull("n", "a", 1, 1, coordinator.ref()));
        submitter.tell(new SweepSubmitter.Redispatching("n", 3, "member w:1#7 is unreachable", "w:1#7"));
        submitter.tell(new SweepSubmitter.Announce("b", coordinator.ref()));
        coordinator.awaitAssert(() -> assertThat(notices)
                .extracting(ClusterNotice::kind)
                .containsExactly(ClusterNotice.Kind.REDISPATCHING, ClusterNotice.Kind.COORDINATOR_MOVED));
        assertThat(notices.get(0).describe()).isEqualTo("re-dispatching 3 runs: member w:1#7 is unreachable");
        assertThat(notices.get(0).node()).isEqualTo("w:1#7");
        testKit.stop(submitter);
    }

    /** Waits for the Finish, passing over the run reports (only) before it. */
    private static void fishFinish(TestProbe<SweepCoordinator.Command> coordinator) {
        while (true) {
            SweepCoordinator.Command m = coordinator.receiveMessage(Duration.ofSeconds(5));
            if (m instanceof SweepCoordinator.Finish) return;
            assertThat(m).as("before the Finish").isInstanceOf(SweepCoordinator.RunReport.class);
        }
    }
}
