package org.driftlab.cluster.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.cluster.learner.LearnerSettings;
import org.driftlab.cluster.wire.WireMessage;
import org.driftlab.core.spec.RunSpec;

/**
 * The cluster singleton that runs sweeps (DESIGN §9; flow control and recovery in the package doc). It pulls
 * run specs from each submitter to keep at most {@code in-flight-per-node × nodes} runs computing, sends
 * each to the learner shard region, forwards each run's first answer to the submitter (the slot frees then)
 * and forgets the run when the submitter acknowledges it as stored; a sweep with {@code unackedLimit} answered
 * runs not yet acknowledged gets no more runs until some are. Nothing is dispatched before the shard coordinator has registered the
 * region of every Up worker node (else the first shards would all be allocated to the first region).
 */
public final class SweepCoordinator extends AbstractBehavior<SweepCoordinator.Command> {

    /** What the coordinator accepts. */
    public sealed interface Command extends WireMessage
            permits Submit, Specs, Ack, Finish, EntityReplied, Tick, RegionsKnown, MemberGone {}

    /**
     * Announces (or re-announces: idempotent per {@code sweepId}) a sweep of {@code total} runs still to run;
     * the coordinator then pulls their specs from {@code submitter}, which may hold up to {@code unackedLimit}
     * (≥ 1) answered runs unacknowledged (its group commit) before the coordinator stops pulling for it.
     */
    public record Submit(String sweepId, int total, int unackedLimit, ActorRef<SweepSubmitter.Command> submitter)
            implements Command {
        public Submit {
            if (unackedLimit < 1) throw new IllegalArgumentException("unackedLimit must be >= 1, got " + unackedLimit);
        }
    }

    /** The submitter's answer to a pull: up to the number asked for; fewer means none are left. */
    public record Specs(String sweepId, List<RunSpec> specs) implements Command {
        public Specs {
            specs = List.copyOf(specs);
        }
    }

    /** The submitter stored (or recorded the failure of) run {@code runId}: its slot is free. */
    public record Ack(String sweepId, String runId) implements Command {}

    /** The submitter is done with the sweep: forget it. */
    public record Finish(String sweepId) implements Command {}

    private record EntityReplied(LearnerEntity.Reply reply) implements Command {}

    private enum Tick implements Command { INSTANCE }

    private record RegionsKnown(List<String> regions) implements Command {}

    /**
     * A member was removed; {@code hostPort} in the form of {@code RunResult.node}; {@code worker}: it had the
     * worker role (only a worker can have held runs).
     */
    private record MemberGone(String address, String hostPort, boolean worker) implements Command {}

    /** Name of the singleton (and of its proxy). */
    public static final String NAME = "sweep-coordinator";

    /**
     * Starts the singleton manager on worker nodes (a proxy elsewhere) and returns the proxy. Idempotent.
     */
    public static ActorRef<Command> initSingleton(ActorSystem<?> system, DriftlabSettings settings) {
        return ClusterSingleton.get(system).init(SingletonActor.of(create(settings), NAME)
                .withSettings(ClusterSingletonSettings.create(system).withRole(settings.sweep().workerRole())));
    }

    /** The coordinator behavior; it (re)uses this node's learner shard region. */
    public static Behavior<Command> create(DriftlabSettings settings) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            SweepSettings s = settings.sweep();
            LearnerSettings l = settings.learner();
            var region = LearnerEntity.initSharding(ctx.getSystem(), l, s.shards(), s.workerRole());
            return new SweepCoordinator(ctx, timers, s, region);
        }));
    }

    private static final class SweepState {
        ActorRef<SweepSubmitter.Command> submitter;
        int unackedLimit;       // answered runs the submitter may hold unacknowledged
        int unacked;            // answered runs of this sweep not yet acknowledged
        int pullAsked;          // > 0 while a pull is outstanding
        boolean drained;        // the submitter has no more specs for this incarnation

        SweepState(ActorRef<SweepSubmitter.Command> submitter, int unackedLimit) {
            this.submitter = submitter;
            this.unackedLimit = unackedLimit;
        }
    }

    /** What an in-flight run is waiting for, and what happens when its deadline passes first. */
    private enum Awaiting {
        /** its entity's Started: re-dispatch after start-timeout (the message may be lost with a node) */
        START,
        /** its entity's answer: re-dispatch after run-timeout */
        ANSWER,
        /** the submitter's ack of the delivered answer: deliver again after delivery-timeout */
        ACK
    }

    /**
     * One run of one sweep between dispatch and the submitter's ack. Keyed by sweep and run: the same run in
     * two sweeps at once (two submissions of one config) is dispatched once per sweep, computed once by its
     * entity (which answers all requests) and delivered to each sweep.
     */
    private static final class InFlight {
        final String key;
        final String sweepId;
        final RunSpec spec;
        int attempt;
        String node;                // host:port where it was last acknowledged as started, or null
        LearnerEntity.Reply answer; // non-null once answered: waiting for the submitter's ack
        Awaiting awaiting;
        long deadline;              // System.nanoTime() after which the Tick acts on what it awaits

        InFlight(String sweepId, RunSpec spec) {
            this.key = key(sweepId, spec.runId());
            this.sweepId = sweepId;
            this.spec = spec;
        }

        void await(Awaiting what, Duration timeout) {
            awaiting = what;
            deadline = System.nanoTime() + timeout.toNanos();
        }
    }

    private final TimerScheduler<Command> timers;
    private final SweepSettings settings;
    private final ActorRef<ShardingEnvelope<LearnerEntity.Command>> region;
    private final org.apache.pekko.actor.ActorRef classicRegion;
    private final ActorRef<ShardRegion.CurrentRegions> regionsAdapter;
    private final ActorRef<LearnerEntity.Reply> replies;
    private final Cluster cluster;
    private final String incarnation = UUID.randomUUID().toString(); // identity only, never on a result path
    private final Map<String, SweepState> sweeps = new LinkedHashMap<>();
    private final Map<String, InFlight> inFlight = new HashMap<>(); // by key(sweepId, runId)
    private int pullsAsked;
    private int unacked;         // answered and not yet acknowledged, over all sweeps (the rest of inFlight computes)
    private int nodes;           // Up worker nodes whose region the shard coordinator has registered
    private boolean ready;       // every Up worker's region is registered (at the latest poll)

    private SweepCoordinator(ActorContext<Command> ctx, TimerScheduler<Command> timers, SweepSettings settings,
                             ActorRef<ShardingEnvelope<LearnerEntity.Command>> region) {
        super(ctx);
        this.timers = timers;
        this.settings = settings;
        this.region = region;
        this.cluster = Cluster.get(ctx.getSystem());
        this.classicRegion = org.apache.pekko.cluster.sharding.ClusterSharding.get(Adapter.toClassic(ctx.getSystem()))
                .shardRegion(LearnerEntity.TYPE_KEY.name());
        this.regionsAdapter = ctx.messageAdapter(ShardRegion.CurrentRegions.class, r -> {
            List<String> addresses = new ArrayList<>();
            for (var a : r.getRegions()) addresses.add(a.toString());
            return new RegionsKnown(addresses);
        });
        this.replies = ctx.messageAdapter(LearnerEntity.Reply.class, EntityReplied::new);
        ActorRef<ClusterEvent.MemberRemoved> removed =
                ctx.messageAdapter(ClusterEvent.MemberRemoved.class, e -> new MemberGone(e.member().address().toString(),
                        e.member().address().getHost().orElse("") + ":" + e.member().address().getPort().orElse(0),
                        e.member().hasRole(settings.workerRole())));
        cluster.subscriptions().tell(Subscribe.create(removed, ClusterEvent.MemberRemoved.class));
        timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.pollInterval());
        getContext().getSelf().tell(Tick.INSTANCE);
        ctx.getLog().info("sweep coordinator {} started", incarnation);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Specs.class, this::onSpecs)
                .onMessage(EntityReplied.class, this::onEntityReplied)
                .onMessage(Ack.class, this::onAck)
                .onMessage(Finish.class, this::onFinish)
                .onMessage(Tick.class, t -> onTick())
                .onMessage(RegionsKnown.class, this::onRegionsKnown)
                .onMessage(MemberGone.class, this::onMemberGone)
                .build();
    }

    private Behavior<Command> onSubmit(Submit submit) {
        SweepState state = sweeps.get(submit.sweepId());
        if (state == null) {
            getContext().getLog().info("sweep {} submitted: {} runs to run", submit.sweepId(), submit.total());
            sweeps.put(submit.sweepId(), new SweepState(submit.submitter(), submit.unackedLimit()));
            pull();
        } else {
            state.submitter = submit.submitter();
            state.unackedLimit = submit.unackedLimit();
        }
        return this;
    }

    private Behavior<Command> onSpecs(Specs specs) {
        SweepState state = sweeps.get(specs.sweepId());
        if (state == null) return this; // finished or forgotten meanwhile
        pullsAsked -= state.pullAsked;
        if (specs.specs().size() < state.pullAsked) state.drained = true;
        state.pullAsked = 0;
        for (RunSpec spec : specs.specs()) {
            InFlight f = new InFlight(specs.sweepId(), spec);
            if (inFlight.containsKey(f.key)) continue; // handed out twice (a re-queue): one is enough
            inFlight.put(f.key, f);
            dispatch(f);
        }
        pull();
        return this;
    }

    private Behavior<Command> onEntityReplied(EntityReplied replied) {
        LearnerEntity.Reply reply = replied.reply();
        // the window is small (in-flight-per-node × nodes), so a scan for the run's entries is cheap
        List<InFlight> waiting = new ArrayList<>();
        for (InFlight f : inFlight.values()) {
            if (f.answer == null && f.spec.runId().equals(reply.runId())) waiting.add(f);
        }
        if (waiting.isEmpty()) {
            getContext().getLog().debug("dropped a duplicate answer for run {}", reply.runId());
            return this;
        }
        for (InFlight f : waiting) {
            if (reply instanceof LearnerEntity.Started started) {
                f.node = started.node();
                f.await(Awaiting.ANSWER, settings.runTimeout());
            } else if (reply instanceof LearnerEntity.Interrupted) {
                redispatch(f, "its entity was stopped");
            } else {
                f.answer = reply;
                sweeps.get(f.sweepId).unacked++; // an entry in inFlight always has its sweep (forget drops both)
                unacked++;
                deliver(f);
            }
        }
        pull(); // an answered run no longer computes: its slot is free
        return this;
    }

    private Behavior<Command> onAck(Ack ack) {
        String key = key(ack.sweepId(), ack.runId());
        InFlight f = inFlight.get(key);
        if (f != null && f.answer != null) {
            inFlight.remove(key);
            sweeps.get(f.sweepId).unacked--;
            unacked--;
            pull();
        }
        return this;
    }

    private Behavior<Command> onFinish(Finish finish) {
        if (!forget(finish.sweepId())) return this;
        getContext().getLog().info("sweep {} finished", finish.sweepId());
        pull();
        return this;
    }

    /**
     * Forgets a sweep: its outstanding pull and its runs in flight (answers still to come are then dropped as
     * duplicates). False when it was not known.
     */
    private boolean forget(String sweepId) {
        SweepState state = sweeps.remove(sweepId);
        if (state == null) return false;
        pullsAsked -= state.pullAsked;
        unacked -= state.unacked;
        inFlight.values().removeIf(f -> f.sweepId.equals(sweepId));
        return true;
    }

    /**
     * Polls the shard regions and acts on the in-flight runs whose deadline has passed. One scan per poll
     * instead of a timer per run and phase: timeouts are seconds to minutes, so acting up to a poll interval
     * late does not matter, while three timers per run cost scheduler entries (kept in Pekko's timer wheel
     * until their original expiry even when cancelled) and messages on the coordinator's hot path.
     */
    private Behavior<Command> onTick() {
        classicRegion.tell(ShardRegion.getCurrentRegionsInstance(), Adapter.toClassic(regionsAdapter));
        long now = System.nanoTime();
        List<InFlight> expired = new ArrayList<>();
        for (InFlight f : inFlight.values()) {
            if (now - f.deadline >= 0) expired.add(f);
        }
        for (InFlight f : expired) {
            switch (f.awaiting) {
                case START -> redispatch(f, "not acknowledged within " + settings.startTimeout());
                case ANSWER -> redispatch(f, "no answer within " + settings.runTimeout());
                case ACK -> deliver(f);
            }
        }
        return this;
    }

    private Behavior<Command> onRegionsKnown(RegionsKnown known) {
        Set<String> registered = new HashSet<>(known.regions());
        int workers = 0;
        int registeredWorkers = 0;
        for (Member m : cluster.state().getMembers()) {
            if (m.status() != MemberStatus.up() || !m.hasRole(settings.workerRole())) continue;
            workers++;
            if (registered.contains(m.address().toString())) registeredWorkers++;
        }
        // Not sticky: a worker that just joined gets its region registered before more runs go out, else
        // the shards allocated meanwhile would all land on the older nodes.
        boolean allRegistered = workers > 0 && registeredWorkers == workers;
        if (allRegistered && !ready) {
            getContext().getLog().info("shard regions of all {} worker nodes registered: dispatching", workers);
        }
        ready = allRegistered;
        nodes = registeredWorkers;
        pull();
        return this;
    }

    private Behavior<Command> onMemberGone(MemberGone gone) {
        getContext().getLog().info("member {} removed", gone.address());
        // A sweep whose submitter was there is abandoned: nobody can store its results. Dropping it frees its
        // runs' slots and its outstanding pull (which will never be answered), so other sweeps get the window.
        List<String> abandoned = new ArrayList<>();
        for (Map.Entry<String, SweepState> e : sweeps.entrySet()) {
            if (e.getValue().submitter.path().address().toString().equals(gone.address())) abandoned.add(e.getKey());
        }
        for (String sweepId : abandoned) {
            getContext().getLog().warn("submitter of sweep {} was on {}: sweep dropped", sweepId, gone.address());
            forget(sweepId);
        }
        if (gone.worker()) {
            // Runs started there are lost; runs not yet acknowledged may have been sent there: both go again
            // (a run that is in fact alive elsewhere just takes the second request). The others are safe. A
            // client holds no shard region, so its removal loses no run.
            List<InFlight> unanswered = new ArrayList<>();
            for (InFlight f : inFlight.values()) {
                if (f.answer == null && (f.node == null || f.node.equals(gone.hostPort()))) unanswered.add(f);
            }
            for (InFlight f : unanswered) redispatch(f, "member " + gone.address() + " was removed");
        }
        pull();
        return this;
    }

    /**
     * Asks submitters for specs while the window has room: one outstanding pull per sweep.
     *
     * <p>The window counts the runs computing (dispatched, not yet answered) and the specs asked for, not the
     * answered runs waiting for the submitter's ack: with group commit a submitter holds a batch of answers
     * until it commits them, and were they counted, a window smaller than a batch would idle every learner
     * until the batch's delay ran out, and any window would idle while a commit runs. Memory stays bounded
     * all the same: answered runs are bounded per sweep by the submitter's {@code unackedLimit} (no pull for a
     * sweep at its limit), overshot at most by the runs already computing when it is reached (≤ window in
     * all), so the coordinator holds at most 2 × window + Σ unackedLimit entries, whatever the sweeps' sizes.
     * A store slower than the learners thus throttles its sweep through the acks, as before.
     */
    private void pull() {
        if (!ready) return;
        int computing = inFlight.size() - unacked;
        int room = settings.inFlightPerNode() * Math.max(1, nodes) - computing - pullsAsked;
        for (Map.Entry<String, SweepState> e : sweeps.entrySet()) {
            if (room <= 0) return;
            SweepState state = e.getValue();
            if (state.drained || state.pullAsked > 0 || state.unacked >= state.unackedLimit) continue;
            int ask = Math.min(room, settings.pullBatch());
            state.pullAsked = ask;
            pullsAsked += ask;
            room -= ask;
            state.submitter.tell(new SweepSubmitter.Pull(e.getKey(), incarnation, ask, nodes, getContext().getSelf()));
        }
    }

    private static String key(String sweepId, String runId) {
        return sweepId + '\u0000' + runId;
    }

    private void dispatch(InFlight f) {
        f.node = null;
        region.tell(new ShardingEnvelope<>(f.spec.runId(), new LearnerEntity.Run(f.spec, replies)));
        f.await(Awaiting.START, settings.startTimeout());
    }

    private void redispatch(InFlight f, String why) {
        f.attempt++;
        getContext().getLog().info("re-dispatching run {} (attempt {}): {}", f.spec.runId(), f.attempt + 1, why);
        dispatch(f);
    }

    private void deliver(InFlight f) {
        SweepState state = sweeps.get(f.sweepId);
        if (state == null) return;
        ActorRef<Command> self = getContext().getSelf();
        if (f.answer instanceof LearnerEntity.Finished finished) {
            state.submitter.tell(new SweepSubmitter.Deliver(f.sweepId, finished.result(), nodes, self));
        } else if (f.answer instanceof LearnerEntity.Failed failed) {
            state.submitter.tell(new SweepSubmitter.RunFailed(f.sweepId, failed.runId(), failed.error(), self));
        }
        f.await(Awaiting.ACK, settings.deliveryTimeout());
    }
}
