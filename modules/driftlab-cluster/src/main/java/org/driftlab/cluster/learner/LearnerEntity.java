package org.driftlab.cluster.learner;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.driftlab.cluster.wire.WireMessage;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.sim.Learner;
import org.driftlab.core.sim.OptimisticLearner;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;

/**
 * One run as a sharded entity (entity id = runId, or runId with a routing key: {@link #entityId}; DESIGN §9).
 * On {@link Run} it starts the core {@link Learner} and, when its reset policy is belief-driven (threshold, soft, recall), a co-located
 * {@link TaskBeliefActor} child; then it advances in chunks of K steps with optimistic execution and rollback
 * ({@link OptimisticLearner}: checkpoints inside the chunk, replay from the nearest one; package doc). Each
 * chunk's evidence buffer is lent to the belief in {@link TaskBeliefActor.Consume} and not touched again
 * until the verdict comes back (the entity waits for it before running anything). When
 * the run ends it replies {@link Finished} to every requester, stops the child and asks its shard to
 * passivate it. A repeated {@link Run} (a re-dispatch) joins the running attempt or gets the kept outcome.
 * Stopped before the end (rebalance, shutdown), it replies {@link Interrupted} so the run is re-dispatched at
 * once. Each request taken is acknowledged with {@link Started}, so the coordinator can tell a lost
 * dispatch (no acknowledgement) from a long run. A failure of the learner or of the belief is deterministic, so it is answered with {@link Failed},
 * not retried.
 */
public final class LearnerEntity extends AbstractBehavior<LearnerEntity.Command> {

    /**
     * The dispatcher learner entities and their belief actors run on (driftlab-cluster's reference.conf): one
     * thread per core, apart from the cluster's own actors, so that compute-bound chunks neither oversubscribe
     * the cores nor starve the shard region and the coordinator.
     */
    public static final String DISPATCHER = "driftlab.learner-dispatcher";

    /** The sharded entity type; its name is the shard region's name. */
    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "learner");

    /** What a learner entity accepts. */
    public sealed interface Command extends WireMessage permits Run, Stop, BeliefAnswered, Advance {}

    /** Run {@code spec} (its runId must be this entity's id) and reply to {@code replyTo}. */
    public record Run(RunSpec spec, ActorRef<Reply> replyTo) implements Command {
        public Run {
            if (spec == null) throw new IllegalArgumentException("spec must not be null");
            if (replyTo == null) throw new IllegalArgumentException("replyTo must not be null");
        }
    }

    /** Sharding's stop message (passivation, rebalance hand-off, shutdown). */
    public enum Stop implements Command {
        INSTANCE
    }

    private record BeliefAnswered(TaskBeliefActor.Verdict verdict) implements Command {}

    /** Self-message between chunks of a run without belief, so Stop can interleave with a long run. */
    private enum Advance implements Command {
        INSTANCE
    }

    /** How a run is going and how it ended, as told to whoever asked for it. */
    public sealed interface Reply extends WireMessage permits Started, Progressed, Finished, Interrupted, Failed {
        String runId();
    }

    /**
     * The run is under way on {@code node} (host:port#uid, see {@link #nodeName}): told to each requester when its
     * request is taken.
     */
    public record Started(String runId, String node) implements Reply {}

    /**
     * The run under way has done {@code steps} of its steps: told to each requester between chunks, at most once
     * per {@code driftlab.learner.progress-interval}, for display only (it never influences a result).
     */
    public record Progressed(String runId, long steps) implements Reply {}

    /** The run completed (or diverged, which its metrics record). */
    public record Finished(RunResult result) implements Reply {
        public Finished {
            if (result == null) throw new IllegalArgumentException("result must not be null");
        }

        @Override
        public String runId() {
            return result.runId();
        }
    }

    /** The entity was stopped at step {@code atStep} before the run ended; nothing of it is kept. */
    public record Interrupted(String runId, long atStep) implements Reply {}

    /**
     * The run cannot be computed (an exception in the learner or belief); retrying would fail the same way.
     * {@code node}: where it failed (host:port#uid, see {@link #nodeName}).
     */
    public record Failed(String runId, String node, String error) implements Reply {}

    /**
     * The entity definition: {@code shards} hash shards over the entity id, allocated on nodes with
     * {@code role} (null: every node), {@link Stop} as stop message.
     */
    public static Entity<Command, ShardingEnvelope<Command>> entity(LearnerSettings settings, int shards, String role) {
        Entity<Command, ShardingEnvelope<Command>> e = Entity.of(
                        TYPE_KEY,
                        ctx -> Behaviors.setup(actor -> create(
                                runIdOf(ctx.getEntityId()),
                                ctx.getShard(),
                                settings,
                                nodeName(Cluster.get(actor.getSystem())))))
                .withMessageExtractor(new HashCodeMessageExtractor<>(shards))
                .withStopMessage(Stop.INSTANCE)
                .withEntityProps(DispatcherSelector.fromConfig(DISPATCHER));
        return role == null ? e : e.withRole(role);
    }

    /**
     * The entity id of run {@code runId} under routing key {@code route}: the run id itself for route 0, else
     * the run id, U+001F and the route. Every route computes the same run (the result depends on the spec
     * only); another route lands on another shard, which lets the coordinator steer clear of a shard homed
     * on an unreachable node. Run ids never contain U+001F.
     */
    public static String entityId(String runId, int route) {
        return route == 0 ? runId : runId + '\u001F' + route;
    }

    /** The run id of an entity id made by {@link #entityId}. */
    public static String runIdOf(String entityId) {
        int cut = entityId.indexOf('\u001F');
        return cut < 0 ? entityId : entityId.substring(0, cut);
    }

    /** Starts (or returns, when already started) this node's shard region for learner entities. */
    public static ActorRef<ShardingEnvelope<Command>> initSharding(
            ActorSystem<?> system, LearnerSettings settings, int shards, String role) {
        return ClusterSharding.get(system).init(entity(settings, shards, role));
    }

    /**
     * This node's incarnation as {@link RunResult#node()} names it: {@code host:port#uid} of its unique cluster
     * address, so a node restarted on the same host and port is told apart from the one it replaced.
     */
    public static String nodeName(Cluster cluster) {
        return incarnation(cluster.selfMember().uniqueAddress());
    }

    /** {@code host:port#uid} of a member's unique address (the form of {@link #nodeName}). */
    public static String incarnation(UniqueAddress member) {
        var address = member.address();
        return address.getHost().orElse("local") + ":"
                + address.getPort().map(String::valueOf).orElse("0") + "#" + member.longUid();
    }

    /**
     * The entity behavior, usable without sharding in tests.
     *
     * @param shard receives {@code Passivate(self)} when the run is over
     * @param node  recorded in the run's result as where it ran
     */
    public static Behavior<Command> create(
            String runId, ActorRef<ClusterSharding.ShardCommand> shard, LearnerSettings settings, String node) {
        return Behaviors.setup(ctx -> new LearnerEntity(ctx, runId, shard, settings, node));
    }

    private final String runId;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final int chunkSize;
    private final long progressIntervalNanos;
    private final String node;
    private final ActorRef<TaskBeliefActor.Verdict> verdicts;
    private final List<ActorRef<Reply>> requesters = new ArrayList<>();

    private RunSpec spec; // non-null once a run started
    private OptimisticLearner chunks; // the learner with its checkpoints (kept only with a belief)
    private Learner learner; // chunks.learner()
    private double[] evidence; // chunkSize × width, reused for every chunk and replay; lent to the belief
    // from each Consume until its Verdict arrives
    private int width;
    private ActorRef<TaskBeliefActor.Command> belief;
    private long chunkStart;
    private long startNanos;
    private long progressNanos; // when the steps done were last reported (or the run started)
    private Reply outcome; // non-null once the run ended

    private LearnerEntity(
            ActorContext<Command> ctx,
            String runId,
            ActorRef<ClusterSharding.ShardCommand> shard,
            LearnerSettings settings,
            String node) {
        super(ctx);
        this.runId = runId;
        this.shard = shard;
        this.chunkSize = settings.chunkSize();
        this.progressIntervalNanos = settings.progressInterval().toNanos();
        this.node = node;
        this.verdicts = ctx.messageAdapter(TaskBeliefActor.Verdict.class, BeliefAnswered::new);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Run.class, this::onRun)
                .onMessage(BeliefAnswered.class, this::onBeliefAnswered)
                .onMessage(Advance.class, a -> onAdvance())
                .onMessage(Stop.class, s -> onStop())
                .onSignal(ChildFailed.class, this::onChildFailed)
                .onSignal(Terminated.class, this::onChildStopped)
                .build();
    }

    private Behavior<Command> onRun(Run run) {
        if (outcome != null) {
            run.replyTo().tell(outcome);
            return this;
        }
        if (!requesters.contains(run.replyTo())) requesters.add(run.replyTo());
        run.replyTo().tell(new Started(runId, node));
        if (spec != null) return this; // a re-dispatch of the attempt in progress: it will answer both
        if (!run.spec().runId().equals(runId)) {
            return fail("entity " + runId + " was sent the spec of run "
                    + run.spec().runId());
        }
        spec = run.spec();
        startNanos = System.nanoTime();
        progressNanos = startNanos;
        getContext().getLog().debug("run {} starts on {}", runId, node);
        try {
            // Only a belief-driven policy (threshold, soft, recall) can order a reset; otherwise the belief
            // cannot change the result and the run goes straight through, as Simulation does.
            boolean withBelief = spec.reset().needsBelief();
            chunks = OptimisticLearner.start(spec, chunkSize, withBelief);
            learner = chunks.learner();
            width = learner.evidenceWidth();
            evidence = new double[Math.multiplyExact(chunkSize, width)];
            if (width > 0 && withBelief) {
                belief = getContext().spawn(TaskBeliefActor.create(spec), "belief", DispatcherSelector.sameAsParent());
                getContext().watch(belief);
            }
            return nextChunk();
        } catch (RuntimeException e) {
            return fail(e);
        }
    }

    /**
     * Runs the next chunk: with a belief (keeping checkpoints), then lends its evidence to the belief and waits
     * for the verdict; else straight on.
     */
    private Behavior<Command> nextChunk() {
        if (learner.finished()) return finish();
        reportProgress();
        if (belief == null) {
            chunks.runChunk(evidence);
            if (learner.finished()) return finish();
            getContext().getSelf().tell(Advance.INSTANCE);
            return this;
        }
        chunkStart = learner.nextStep();
        int steps = chunks.runChunk(evidence);
        if (steps == 0) return finish();
        // lent, not copied: nothing writes the buffer until the Verdict for this chunk arrives
        belief.tell(new TaskBeliefActor.Consume(chunkStart, steps, width, evidence, verdicts));
        return this;
    }

    /** Tells the requesters the steps done, when the progress interval has passed since the last report. */
    private void reportProgress() {
        long now = System.nanoTime();
        if (now - progressNanos < progressIntervalNanos) return;
        progressNanos = now;
        Progressed progressed = new Progressed(runId, learner.nextStep());
        for (ActorRef<Reply> r : requesters) r.tell(progressed);
    }

    private Behavior<Command> onAdvance() {
        if (outcome != null || learner == null) return this;
        try {
            return nextChunk();
        } catch (RuntimeException e) {
            return fail(e);
        }
    }

    private Behavior<Command> onBeliefAnswered(BeliefAnswered answered) {
        if (outcome != null) return this;
        TaskBeliefActor.Verdict v = answered.verdict();
        try {
            if (v.firstStep() != chunkStart) {
                throw new IllegalStateException(
                        "verdict for the chunk at " + v.firstStep() + " while at " + chunkStart);
            }
            ResetOrder order = v.reset();
            if (order != null) {
                long s = order.step();
                if (s < chunkStart || s >= chunkStart + v.steps()) {
                    throw new IllegalStateException(
                            "reset at step " + s + " outside the chunk " + chunkStart + "+" + v.steps());
                }
                // Roll back to the nearest checkpoint at or before s, replay to s − 1 (the same steps, so the same
                // weights at s) and rerun s with the reset before its update (DESIGN §7).
                chunks.rollBack(order, evidence);
            }
            return nextChunk();
        } catch (RuntimeException e) {
            return fail(e);
        }
    }

    private Behavior<Command> finish() {
        RunResult result = learner.result(System.nanoTime() - startNanos, node);
        getContext()
                .getLog()
                .debug("run {} finished after {} steps", runId, result.metrics().steps());
        return end(new Finished(result));
    }

    private Behavior<Command> fail(RuntimeException e) {
        getContext().getLog().error("run {} failed", runId, e);
        return fail(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private Behavior<Command> fail(String error) {
        return end(new Failed(runId, node, error));
    }

    /** Replies to every requester, releases the run's state, keeps the outcome for late re-dispatches. */
    private Behavior<Command> end(Reply reply) {
        outcome = reply;
        for (ActorRef<Reply> r : requesters) r.tell(reply);
        requesters.clear();
        if (belief != null) {
            getContext().unwatch(belief);
            getContext().stop(belief);
            belief = null;
        }
        chunks = null;
        learner = null;
        evidence = null;
        shard.tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
        return this;
    }

    private Behavior<Command> onStop() {
        if (spec != null && outcome == null) {
            long at = learner == null ? 0 : learner.nextStep();
            getContext().getLog().info("run {} interrupted at step {}; it will be re-dispatched", runId, at);
            for (ActorRef<Reply> r : requesters) r.tell(new Interrupted(runId, at));
        }
        return Behaviors.stopped();
    }

    private Behavior<Command> onChildFailed(ChildFailed failed) {
        if (outcome != null) return this;
        Throwable cause = failed.getCause();
        getContext().getLog().error("belief of run {} failed", runId, cause);
        belief = null;
        return fail("belief failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private Behavior<Command> onChildStopped(Terminated t) {
        if (outcome != null) return this;
        belief = null;
        return fail("belief actor stopped before the run ended");
    }
}
