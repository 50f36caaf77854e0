package org.driftlab.cluster.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.BehaviorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestInbox;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.ShrinkPerturbSpec;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.sim.Learner;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.driftlab.core.stream.StreamSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learner entity: its protocol with the belief child (BehaviorTestKit: what reached
 * {@code childInbox("belief")}, rollback and replay), and chunked execution with rollback in real actors
 * giving results bit-identical to lockstep {@code Simulation.run(spec, 1)} for every reset policy and chunk
 * size, including runs with many resets.
 */
class LearnerEntityTest {
    /** A progress interval no run here reaches: its replies are Started then the outcome. */
    private static final Duration NO_PROGRESS = Duration.ofHours(1);

    private static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        // serialize-messages: every message, the local ones to and from the belief child too, goes through Kryo
        testKit = ActorTestKit.create(
                "learner",
                ConfigFactory.parseString(
                                """
                pekko.remote.artery.canonical.port = 0
                pekko.actor.serialize-messages = on
                """)
                        .withFallback(ConfigFactory.load()));
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static final QuadraticStreamSpec QUADRATIC = new QuadraticStreamSpec(
            4,
            SpectrumSpec.logSpaced(0.5, 4.0),
            false,
            0.5,
            PriorSpec.standard(),
            null,
            List.of(),
            new HazardSwitchSpec(0.01));
    private static final BocpdSpec BOCPD = new BocpdSpec(0.01, GaussianModelSpec.fromStream(), 1e-10, 400);

    private static RunSpec spec(
            String name, int seed, long steps, StreamSpec stream, BeliefSpec belief, ResetSpec reset) {
        return new RunSpec(
                UUID.randomUUID() + "-" + name,
                name,
                seed,
                99L,
                steps,
                1.0,
                stream,
                seed % 2 == 0 ? new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0.0, false) : new SgdSpec(0.05),
                belief,
                reset,
                MetricsSpec.defaults(),
                List.of());
    }

    /** One run per reset policy (with the belief it needs); the "many" ones reset dozens of times. */
    static List<RunSpec> everyPolicy(int seed, long steps) {
        var rotated = new QuadraticStreamSpec(
                3,
                SpectrumSpec.logSpaced(0.5, 2.0),
                true,
                0.3,
                PriorSpec.standard(),
                null,
                List.of(),
                new HazardSwitchSpec(0.05));
        var markov = new QuadraticStreamSpec(
                2,
                SpectrumSpec.logSpaced(1.0, 2.0),
                false,
                0.3,
                new PriorSpec(0.0, 3.0),
                null,
                List.of(),
                new MarkovSwitchSpec(3, 0.02));
        var regression = new LinearRegressionStreamSpec(
                3, 4, 0.1, PriorSpec.standard(), null, List.of(), new HazardSwitchSpec(0.01));
        var none = new NoBeliefSpec();
        return List.of(
                spec("none", seed, steps, QUADRATIC, none, new NoResetSpec()),
                spec("periodic", seed, steps, QUADRATIC, none, new PeriodicResetSpec(150, ResetTarget.INIT, true)),
                spec("oracle", seed, steps, QUADRATIC, none, new OracleResetSpec(ResetTarget.PRIOR_MEAN, true)),
                spec(
                        "threshold",
                        seed,
                        steps,
                        QUADRATIC,
                        BOCPD,
                        new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.INIT, true))),
                spec(
                        "threshold-many",
                        seed,
                        steps,
                        rotated,
                        new BocpdSpec(0.2, GaussianModelSpec.fromStream(), 1e-10, 400),
                        new BeliefThresholdSpec(new BeliefTrigger(0.05, 30, ResetTarget.FRESH_DRAW, false))),
                spec(
                        "soft",
                        seed,
                        steps,
                        QUADRATIC,
                        BOCPD,
                        new BeliefSoftSpec(new BeliefTrigger(0.3, 10, ResetTarget.INIT, false))),
                spec("shrink-perturb", seed, steps, QUADRATIC, none, new ShrinkPerturbSpec(0.9, 0.01, 50)),
                spec("l2-init", seed, steps, QUADRATIC, none, new L2InitSpec(0.01)),
                spec("recall", seed, steps, markov, new HmmSpec(0.02), new RecallSpec(0.6, true)),
                spec(
                        "threshold-loss",
                        seed,
                        steps,
                        regression,
                        new BocpdSpec(0.01, new NormalGammaModelSpec(0.0, 1.0, 1.0, 1.0), 1e-10, 400),
                        new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.PRIOR_MEAN, true))),
                spec(
                        "oracle-prescient",
                        seed,
                        steps,
                        QUADRATIC,
                        none,
                        new OracleResetSpec(ResetTarget.PRIOR_MEAN, true, true)),
                // the belief's posterior-mean target travels in the order (through Kryo: serialize-messages is on)
                spec(
                        "threshold-posterior",
                        seed,
                        steps,
                        rotated,
                        new BocpdSpec(0.05, GaussianModelSpec.fromStream(), 1e-10, 400),
                        new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.POSTERIOR_MEAN, true))));
    }

    private static RunResult runInActors(RunSpec spec, int chunk) {
        TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
        TestProbe<LearnerEntity.Reply> replies = testKit.createTestProbe();
        ActorRef<LearnerEntity.Command> entity = testKit.spawn(
                LearnerEntity.create(spec.runId(), shard.ref(), new LearnerSettings(chunk, NO_PROGRESS), "test-node"));
        entity.tell(new LearnerEntity.Run(spec, replies.ref()));
        assertThat(replies.receiveMessage(Duration.ofSeconds(10)))
                .isEqualTo(new LearnerEntity.Started(spec.runId(), "test-node"));
        LearnerEntity.Reply reply = replies.receiveMessage(Duration.ofSeconds(60));
        assertThat(reply).as("answer for %s", spec.runId()).isInstanceOf(LearnerEntity.Finished.class);
        shard.expectMessageClass(ClusterSharding.Passivate.class);
        testKit.stop(entity);
        return ((LearnerEntity.Finished) reply).result();
    }

    @Test
    void chunkedExecutionWithRollbackEqualsLockstepForEveryPolicyAndChunkSize() {
        int manyResets = 0;
        for (int seed = 0; seed < 2; seed++) {
            for (RunSpec spec : everyPolicy(seed, 1200)) {
                RunResult lockstep = Simulation.run(spec, 1);
                if (spec.conditionId().endsWith("-many") && lockstep.metrics().resets() >= 20) manyResets++;
                for (int chunk : new int[] {1, 7, 64, 2000}) {
                    RunResult actors = runInActors(spec, chunk);
                    assertThat(actors.metrics())
                            .as("%s with K = %d", spec.conditionId(), chunk)
                            .isEqualTo(lockstep.metrics());
                    assertThat(actors.runId()).isEqualTo(spec.runId());
                    assertThat(actors.node()).isEqualTo("test-node");
                }
            }
        }
        assertThat(manyResets).as("runs with many resets (>= 20)").isPositive();
    }

    @Test
    void aConsumeMustFitItsLentBuffer() {
        ActorRef<TaskBeliefActor.Verdict> to =
                TestInbox.<TaskBeliefActor.Verdict>create().getRef();
        double[] buffer = new double[10];
        assertThat(new TaskBeliefActor.Consume(0, 3, 3, buffer, to).evidence()).isSameAs(buffer); // longer is fine
        assertThatThrownBy(() -> new TaskBeliefActor.Consume(0, 4, 3, buffer, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 x 3");
        assertThatThrownBy(() -> new TaskBeliefActor.Consume(0, 1, -1, buffer, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width");
    }

    @Test
    void chunksGoToTheBeliefChildAndAResetRollsBackAndReplays() {
        RunSpec spec = everyPolicy(0, 500).get(3); // belief-threshold with BOCPD
        TestInbox<ClusterSharding.ShardCommand> shard = TestInbox.create();
        TestInbox<LearnerEntity.Reply> replies = TestInbox.create();
        BehaviorTestKit<LearnerEntity.Command> kit = BehaviorTestKit.create(
                LearnerEntity.create(spec.runId(), shard.getRef(), new LearnerSettings(10, NO_PROGRESS), "n"));
        kit.run(new LearnerEntity.Run(spec, replies.getRef()));
        assertThat(replies.receiveMessage()).isEqualTo(new LearnerEntity.Started(spec.runId(), "n"));
        TestInbox<TaskBeliefActor.Command> belief = kit.childInbox("belief");

        Learner reference = Learner.start(spec);
        int width = reference.evidenceWidth();
        assertThat(width).isPositive();
        double[] expected = new double[10 * width];

        var first = (TaskBeliefActor.Consume) belief.receiveMessage();
        assertThat(first.firstStep()).isZero();
        assertThat(first.steps()).isEqualTo(10);
        reference.runChunk(10, expected);
        assertThat(first.evidence()).isEqualTo(expected);

        // The belief orders a reset from step 4: the entity must roll back, replay 0..3, rerun 4 with the reset
        // before its update (DESIGN §7), go on from 5.
        first.replyTo().tell(new TaskBeliefActor.Verdict(0, 10, ResetOrder.full(4)));
        kit.runOne();
        var second = (TaskBeliefActor.Consume) belief.receiveMessage();
        assertThat(second.firstStep()).isEqualTo(5);
        Learner lockstep = Learner.start(spec);
        lockstep.runChunk(4, new double[5 * width]);
        lockstep.runResetStep(ResetOrder.full(4), new double[width], 0);
        lockstep.runChunk(10, expected);
        assertThat(second.evidence())
                .as("evidence after rollback, replay and reset")
                .isEqualTo(expected);
        assertThat(second.evidence()).as("the chunk buffer is lent, not copied").isSameAs(first.evidence());
        assertThat(second.width()).isEqualTo(width);

        // No reset: the chunk stands and the next one follows it.
        second.replyTo().tell(new TaskBeliefActor.Verdict(5, 10, null));
        kit.runOne();
        var third = (TaskBeliefActor.Consume) belief.receiveMessage();
        assertThat(third.firstStep()).isEqualTo(15);
        assertThat(belief.hasMessages()).isFalse();

        // A re-dispatch joins the attempt in progress; a stop interrupts it and tells both requesters.
        TestInbox<LearnerEntity.Reply> again = TestInbox.create();
        kit.run(new LearnerEntity.Run(spec, again.getRef()));
        assertThat(again.receiveMessage()).isEqualTo(new LearnerEntity.Started(spec.runId(), "n"));
        assertThat(belief.hasMessages()).isFalse();
        kit.run(LearnerEntity.Stop.INSTANCE);
        assertThat(replies.receiveMessage()).isEqualTo(new LearnerEntity.Interrupted(spec.runId(), 25));
        assertThat(again.receiveMessage()).isEqualTo(new LearnerEntity.Interrupted(spec.runId(), 25));
        assertThat(kit.isAlive()).isFalse();
        assertThat(shard.hasMessages()).isFalse();
    }

    @Test
    void aFinishedRunAnswersLateRequestsWithTheSameResult() {
        RunSpec spec = everyPolicy(1, 300).get(0);
        TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
        TestProbe<LearnerEntity.Reply> replies = testKit.createTestProbe();
        ActorRef<LearnerEntity.Command> entity = testKit.spawn(
                LearnerEntity.create(spec.runId(), shard.ref(), new LearnerSettings(50, NO_PROGRESS), "n"));
        entity.tell(new LearnerEntity.Run(spec, replies.ref()));
        replies.expectMessageClass(LearnerEntity.Started.class, Duration.ofSeconds(10));
        var first = replies.expectMessageClass(LearnerEntity.Finished.class, Duration.ofSeconds(30));
        entity.tell(new LearnerEntity.Run(spec, replies.ref()));
        var second = replies.expectMessageClass(LearnerEntity.Finished.class, Duration.ofSeconds(30));
        assertThat(second).isEqualTo(first);
        testKit.stop(entity);
    }

    @Test
    void aRunThatCannotBeBuiltFailsOnceWithTheReason() {
        // The belief's Gaussian model takes its noise from a noiseless stream: it cannot be built (config loading
        // refuses this combination; a spec built by hand reaches the worker and must fail there, once).
        QuadraticStreamSpec noiseless = new QuadraticStreamSpec(
                4,
                SpectrumSpec.logSpaced(0.5, 4.0),
                false,
                0.0,
                PriorSpec.standard(),
                null,
                List.of(),
                new HazardSwitchSpec(0.01));
        RunSpec bad = spec(
                "bad",
                0,
                100,
                noiseless,
                BOCPD,
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.INIT, true)));
        TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
        TestProbe<LearnerEntity.Reply> replies = testKit.createTestProbe();
        ActorRef<LearnerEntity.Command> entity = testKit.spawn(
                LearnerEntity.create(bad.runId(), shard.ref(), new LearnerSettings(50, NO_PROGRESS), "n"));
        entity.tell(new LearnerEntity.Run(bad, replies.ref()));
        replies.expectMessageClass(LearnerEntity.Started.class, Duration.ofSeconds(10));
        var failed = replies.expectMessageClass(LearnerEntity.Failed.class, Duration.ofSeconds(10));
        assertThat(failed.runId()).isEqualTo(bad.runId());
        assertThat(failed.error()).contains("noise");
        assertThat(failed.node()).as("the node it failed on").isEqualTo("n");
        shard.expectMessageClass(ClusterSharding.Passivate.class);
        testKit.stop(entity);
    }
}
