package org.driftlab.cluster.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.cluster.wire.WireMessage;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;

/**
 * The submitter's side of one sweep, on the node that holds the {@link ResultSink}. It serves the
 * coordinator's pulls from the runs still to run (in sweep order), receives each run's answer from its
 * learner entity directly (the coordinator dispatches runs with this actor as their reply address), stores the
 * results in the sink (which blocks: this actor runs on the blocking dispatcher) and only then acknowledges
 * them, reports progress and cluster notices, and completes {@code done} when every run is stored or failed.
 * It reports each run's start, interruption and answer to the coordinator incarnation it handed the run to.
 *
 * <p>Group commit: answers (results and failures alike) are held in arrival order until {@code
 * store-batch-size} are pending or the first has waited {@code store-batch-delay}; then the held results go
 * to {@link ResultSink#acceptAll} in one call (one transaction in the store: all or nothing) and only after it
 * returns is each held answer recorded, reported and acknowledged, in arrival order. So an acknowledged result
 * is always stored, and a crash or interrupt loses only unacknowledged answers, which the next invocation
 * (from the store) runs again. A later answer for a run already held or stored is dropped: one result per run.
 *
 * <p>Coordinator hand-over: the submitter is registered with the receptionist under {@link #SERVICE}, so a new
 * coordinator incarnation finds it and asks it to {@link Announce} its sweep. It watches every coordinator
 * it handed runs to; when one stops, the runs it held and that are not answered are queued again first
 * and the sweep is announced again, so the current coordinator pulls them. Answers of runs still computing
 * for the stopped one keep arriving here and are stored: a hand-over does not stall storing. If the sink
 * throws, the sweep fails: {@code done} completes exceptionally.
 */
public final class SweepSubmitter extends AbstractBehavior<SweepSubmitter.Command> {

    /** The receptionist key submitters register under, for coordinator incarnations to find them. */
    public static final ServiceKey<Command> SERVICE = ServiceKey.create(Command.class, "driftlab-sweep-submitter");

    /** What the submitter accepts. */
    public sealed interface Command extends WireMessage
            permits Pull, Announce, Redispatching, EntityReplied, CoordinatorGone, MemberEvent, Flush {}

    /**
     * The coordinator incarnation {@code incarnation} asks for up to {@code max} run specs; {@code nodesUp} (the
     * reachable worker nodes it dispatches to) is for progress reports.
     */
    public record Pull(
            String sweepId, String incarnation, int max, int nodesUp, ActorRef<SweepCoordinator.Command> replyTo)
            implements Command {}

    /** A coordinator incarnation (a new one, after a hand-over) asks for the sweep's {@code Submit}. */
    public record Announce(String incarnation, ActorRef<SweepCoordinator.Command> replyTo) implements Command {}

    /**
     * The coordinator dispatched {@code runs} of the sweep's runs again, because of {@code why}; {@code node}
     * (host:port#uid) is where they had started, null for runs not known to have started anywhere.
     */
    public record Redispatching(String sweepId, int runs, String why, String node) implements Command {}

    private record EntityReplied(LearnerEntity.Reply reply) implements Command {}

    /** A coordinator this submitter handed runs to has stopped. */
    private record CoordinatorGone(ActorRef<SweepCoordinator.Command> coordinator) implements Command {}

    /** A membership change seen from this node, for the listener; null: none worth telling. */
    private record MemberEvent(ClusterNotice notice) implements Command {}

    /** The first held answer has waited {@code store-batch-delay}: store what is held. */
    private enum Flush implements Command {
        INSTANCE
    }

    /** An answer held for the next commit: a result ({@code result} non-null) or a failure ({@code error}). */
    /** A stored result ({@code result}) or a failure ({@code error}, on {@code node}). */
    private record Held(String runId, RunSpec spec, RunResult result, String node, String error) {}

    /** A run handed to the coordinator {@code owner} and not answered yet. */
    private record HandedOut(RunSpec spec, ActorRef<SweepCoordinator.Command> owner) {}

    /**
     * A submitter for {@code pending} (the sweep's runs not yet in {@code sink}, in sweep order).
     *
     * @param skipped runs of the sweep already stored (for progress)
     * @param done    completed with the outcome when every pending run is stored or failed
     */
    public static Behavior<Command> create(
            String sweepName,
            String sweepId,
            List<RunSpec> pending,
            int skipped,
            ResultSink sink,
            ProgressListener listener,
            ActorRef<SweepCoordinator.Command> coordinator,
            SweepSettings settings,
            CompletableFuture<SweepOutcome> done) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new SweepSubmitter(
                ctx, timers, sweepName, sweepId, pending, skipped, sink, listener, coordinator, settings, done)));
    }

    private final String sweepName;
    private final String sweepId;
    private final int skipped;
    private final int total;
    private final ResultSink sink;
    private final ProgressListener listener;
    private final ActorRef<SweepCoordinator.Command> coordinator;
    private final ActorRef<LearnerEntity.Reply> answers;
    private final SweepSettings settings;
    private final TimerScheduler<Command> timers;
    private final CompletableFuture<SweepOutcome> done;
    private final Deque<RunSpec> queue;
    private final Map<String, RunSpec> unstored = new HashMap<>(); // lookup only
    private final Map<String, HandedOut> handedOut = new LinkedHashMap<>(); // in hand-out order
    private final Set<ActorRef<SweepCoordinator.Command>> watched = new HashSet<>();
    private final Map<String, String> failures = new TreeMap<>();
    private final List<Held> held = new ArrayList<>(); // in arrival order
    private final Set<String> heldIds = new HashSet<>(); // lookup only
    private final long startNanos = System.nanoTime();
    private String incarnation;
    private int stored;
    private long learnerSteps; // of the runs answered (stored or failed)
    private final long learnerStepsTotal; // of the runs submitted
    private final Map<String, Long> underWay = new HashMap<>(); // run id → steps done, as last reported
    private long underWaySteps; // their sum
    private int nodesUp;

    private SweepSubmitter(
            ActorContext<Command> ctx,
            TimerScheduler<Command> timers,
            String sweepName,
            String sweepId,
            List<RunSpec> pending,
            int skipped,
            ResultSink sink,
            ProgressListener listener,
            ActorRef<SweepCoordinator.Command> coordinator,
            SweepSettings settings,
            CompletableFuture<SweepOutcome> done) {
        super(ctx);
        this.sweepName = sweepName;
        this.sweepId = sweepId;
        this.skipped = skipped;
        this.total = skipped + pending.size();
        this.sink = sink;
        this.listener = listener;
        this.coordinator = coordinator;
        this.settings = settings;
        this.timers = timers;
        this.done = done;
        this.queue = new ArrayDeque<>(pending);
        long steps = 0;
        for (RunSpec spec : pending) {
            if (unstored.put(spec.runId(), spec) != null) {
                throw new IllegalArgumentException("run id " + spec.runId() + " appears twice in sweep " + sweepName);
            }
            steps += spec.steps();
        }
        this.learnerStepsTotal = steps;
        this.answers = ctx.messageAdapter(LearnerEntity.Reply.class, EntityReplied::new);
        subscribeToMembership(ctx);
        ctx.getSystem().receptionist().tell(Receptionist.register(SERVICE, ctx.getSelf()));
        coordinator.tell(submit());
    }

    /** Membership changes become notices; members already Up when the sweep starts are not news. */
    private static void subscribeToMembership(ActorContext<Command> ctx) {
        Cluster cluster = Cluster.get(ctx.getSystem());
        Set<Object> upBefore = new HashSet<>();
        for (Member m : cluster.state().getMembers()) upBefore.add(m.uniqueAddress());
        ActorRef<ClusterEvent.MemberUp> up = ctx.messageAdapter(
                ClusterEvent.MemberUp.class,
                e -> upBefore.contains(e.member().uniqueAddress())
                        ? new MemberEvent(null)
                        : notice(ClusterNotice.Kind.JOINED, e.member()));
        ActorRef<ClusterEvent.UnreachableMember> lost = ctx.messageAdapter(
                ClusterEvent.UnreachableMember.class, e -> notice(ClusterNotice.Kind.UNREACHABLE, e.member()));
        ActorRef<ClusterEvent.ReachableMember> back = ctx.messageAdapter(
                ClusterEvent.ReachableMember.class, e -> notice(ClusterNotice.Kind.REACHABLE, e.member()));
        ActorRef<ClusterEvent.MemberDowned> downed =
                ctx.messageAdapter(ClusterEvent.MemberDowned.class, e -> notice(ClusterNotice.Kind.DOWNED, e.member()));
        ActorRef<ClusterEvent.MemberRemoved> removed = ctx.messageAdapter(
                ClusterEvent.MemberRemoved.class, e -> notice(ClusterNotice.Kind.REMOVED, e.member()));
        cluster.subscriptions().tell(Subscribe.create(up, ClusterEvent.MemberUp.class));
        cluster.subscriptions().tell(Subscribe.create(lost, ClusterEvent.UnreachableMember.class));
        cluster.subscriptions().tell(Subscribe.create(back, ClusterEvent.ReachableMember.class));
        cluster.subscriptions().tell(Subscribe.create(downed, ClusterEvent.MemberDowned.class));
        cluster.subscriptions().tell(Subscribe.create(removed, ClusterEvent.MemberRemoved.class));
    }

    private static MemberEvent notice(ClusterNotice.Kind kind, Member m) {
        return new MemberEvent(new ClusterNotice(kind, LearnerEntity.incarnation(m.uniqueAddress()), 0));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Pull.class, this::onPull)
                .onMessage(Announce.class, this::onAnnounce)
                .onMessage(EntityReplied.class, this::onEntityReplied)
                .onMessage(CoordinatorGone.class, this::onCoordinatorGone)
                .onMessage(
                        Redispatching.class,
                        r -> notify(new ClusterNotice(ClusterNotice.Kind.REDISPATCHING, r.why(), r.runs(), r.node())))
                .onMessage(MemberEvent.class, e -> e.notice() == null ? this : notify(e.notice()))
                .onMessage(Flush.class, f -> flush())
                .build();
    }

    private SweepCoordinator.Submit submit() {
        return new SweepCoordinator.Submit(
                sweepId, unstored.size(), settings.unackedLimit(), getContext().getSelf(), answers);
    }

    private Behavior<Command> onAnnounce(Announce announce) {
        meet(announce.incarnation(), announce.replyTo());
        announce.replyTo().tell(submit());
        return this;
    }

    private Behavior<Command> onPull(Pull pull) {
        meet(pull.incarnation(), pull.replyTo());
        nodesUp = pull.nodesUp();
        List<RunSpec> batch = new ArrayList<>(Math.min(pull.max(), queue.size()));
        while (batch.size() < pull.max() && !queue.isEmpty()) {
            RunSpec spec = queue.pollFirst();
            // stored meanwhile (a late answer of a run queued again), or held for the next commit
            if (!unstored.containsKey(spec.runId()) || heldIds.contains(spec.runId())) continue;
            handedOut.put(spec.runId(), new HandedOut(spec, pull.replyTo()));
            batch.add(spec);
        }
        pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, batch));
        return this;
    }

    /** Watches a coordinator incarnation the first time it speaks; a new one after another is a hand-over. */
    private void meet(String coordinatorIncarnation, ActorRef<SweepCoordinator.Command> ref) {
        if (watched.add(ref)) getContext().watchWith(ref, new CoordinatorGone(ref));
        if (coordinatorIncarnation.equals(incarnation)) return;
        if (incarnation != null) {
            getContext()
                    .getLog()
                    .warn("sweep {}: the sweep coordinator moved (incarnation {})", sweepName, coordinatorIncarnation);
            notify(new ClusterNotice(
                    ClusterNotice.Kind.COORDINATOR_MOVED, ref.path().address().toString(), 0));
        }
        incarnation = coordinatorIncarnation;
    }

    private Behavior<Command> onCoordinatorGone(CoordinatorGone gone) {
        watched.remove(gone.coordinator());
        List<RunSpec> again = new ArrayList<>();
        for (HandedOut h : handedOut.values()) {
            // an answered run is held for the next commit: it is not run again
            if (h.owner().equals(gone.coordinator())
                    && !heldIds.contains(h.spec().runId())) again.add(h.spec());
        }
        if (!again.isEmpty()) {
            getContext()
                    .getLog()
                    .warn(
                            "sweep {}: a sweep coordinator stopped; its {} runs not answered are queued again",
                            sweepName,
                            again.size());
            for (int i = again.size() - 1; i >= 0; i--) queue.addFirst(again.get(i));
            for (RunSpec spec : again) handedOut.remove(spec.runId());
            coordinator.tell(submit()); // the current coordinator may have found the queue empty: it pulls again
        }
        return this;
    }

    private Behavior<Command> onEntityReplied(EntityReplied replied) {
        LearnerEntity.Reply reply = replied.reply();
        HandedOut h = handedOut.get(reply.runId());
        if (reply instanceof LearnerEntity.Started started) {
            if (h != null)
                h.owner()
                        .tell(new SweepCoordinator.RunReport(
                                sweepId, reply.runId(), SweepCoordinator.Phase.STARTED, started.node()));
            return this;
        }
        if (reply instanceof LearnerEntity.Progressed progressed) return onProgressed(progressed);
        if (reply instanceof LearnerEntity.Interrupted) {
            if (h != null)
                h.owner()
                        .tell(new SweepCoordinator.RunReport(
                                sweepId, reply.runId(), SweepCoordinator.Phase.INTERRUPTED, null));
            return this;
        }
        String runId = reply.runId();
        // a second answer (a re-dispatch, or a node that came back) for a run held or stored: the first is kept
        if (!unstored.containsKey(runId) || !heldIds.add(runId)) return this;
        if (h != null)
            h.owner().tell(new SweepCoordinator.RunReport(sweepId, runId, SweepCoordinator.Phase.ANSWERED, null));
        if (reply instanceof LearnerEntity.Finished finished) {
            return hold(new Held(runId, unstored.get(runId), finished.result(), null, null));
        }
        LearnerEntity.Failed failed = (LearnerEntity.Failed) reply;
        return hold(new Held(runId, null, null, failed.node(), failed.error()));
    }

    /**
     * A run under way reported its steps done: counted until it is answered (the largest report of its
     * attempts, so a re-dispatched run never counts backwards), and reported to the listener.
     */
    private Behavior<Command> onProgressed(LearnerEntity.Progressed progressed) {
        String runId = progressed.runId();
        if (!unstored.containsKey(runId) || heldIds.contains(runId)) return this;
        long before = underWay.getOrDefault(runId, 0L);
        if (progressed.steps() <= before) return this;
        underWay.put(runId, progressed.steps());
        underWaySteps += progressed.steps() - before;
        report();
        return this;
    }

    /**
     * Holds an answer for the next commit and commits when the batch is full or holds every run still
     * unstored (else the sweep's end would wait for store-batch-delay).
     */
    private Behavior<Command> hold(Held h) {
        if (held.isEmpty()
                && settings.storeBatchSize() > 1
                && !settings.storeBatchDelay().isZero()) {
            timers.startSingleTimer(Flush.INSTANCE, Flush.INSTANCE, settings.storeBatchDelay());
        }
        held.add(h);
        // the last runs of a sweep commit at once: no answer can come to fill their batch
        boolean noneToCome = heldIds.size() == unstored.size();
        return held.size() >= settings.storeBatchSize()
                        || settings.storeBatchDelay().isZero()
                        || noneToCome
                ? flush()
                : this;
    }

    /**
     * Stores the held results in one {@link ResultSink#acceptAll} call, then records and acknowledges every
     * held answer in arrival order. If the sink throws, none is acknowledged and the sweep fails.
     */
    private Behavior<Command> flush() {
        timers.cancel(Flush.INSTANCE);
        if (held.isEmpty()) return this;
        List<ResultSink.Entry> batch = new ArrayList<>(held.size());
        for (Held h : held) if (h.result() != null) batch.add(new ResultSink.Entry(h.spec(), h.result()));
        if (!batch.isEmpty()) {
            try {
                sink.acceptAll(batch);
            } catch (RuntimeException e) {
                getContext()
                        .getLog()
                        .error(
                                "storing {} results (from run {}) failed: sweep {} aborted",
                                batch.size(),
                                batch.get(0).result().runId(),
                                sweepName,
                                e);
                done.completeExceptionally(e);
                coordinator.tell(new SweepCoordinator.Finish(sweepId));
                return Behaviors.stopped();
            }
        }
        List<Held> answered = new ArrayList<>(held);
        held.clear();
        heldIds.clear();
        for (Held h : answered) {
            learnerSteps += unstored.remove(h.runId()).steps();
            Long reported = underWay.remove(h.runId());
            if (reported != null) underWaySteps -= reported;
            if (h.result() != null) {
                stored++;
            } else {
                failures.put(h.runId(), h.error());
                getContext().getLog().error("run {} failed on {}: {}", h.runId(), h.node(), h.error());
                tellListener(l -> l.onFailed(h.runId(), h.node(), h.error()));
            }
            report();
            HandedOut out = handedOut.remove(h.runId());
            if (out != null) out.owner().tell(new SweepCoordinator.Ack(sweepId, h.runId()));
        }
        return unstored.isEmpty() ? complete() : this;
    }

    private Behavior<Command> notify(ClusterNotice notice) {
        tellListener(l -> l.onNotice(notice));
        return this;
    }

    private void tellListener(Consumer<ProgressListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            getContext()
                    .getLog()
                    .warn("progress listener failed; the sweep goes on", e); // a display must not stop a sweep
        }
    }

    private void report() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long steps = learnerSteps + underWaySteps;
        Progress p = new Progress(
                skipped + stored + failures.size(),
                total,
                skipped,
                failures.size(),
                steps,
                learnerStepsTotal,
                seconds > 0 ? steps / seconds : 0.0,
                nodesUp);
        tellListener(l -> l.onProgress(p));
    }

    private Behavior<Command> complete() {
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
        done.complete(new SweepOutcome(sweepName, total, skipped, stored, failures, System.nanoTime() - startNanos));
        return Behaviors.stopped();
    }
}
