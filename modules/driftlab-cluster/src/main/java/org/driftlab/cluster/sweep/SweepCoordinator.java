package org.driftlab.cluster.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
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
 * run specs from each submitter to keep at most {@code in-flight-per-node × reachable worker nodes} runs
 * computing and sends each to the learner shard region with the submitter as the entity's reply address:
 * results go from the entity to the submitter directly, never through this singleton. The submitter reports
 * each run's start (with the node), interruption and answer; the slot frees at the answer, and a sweep with
 * {@code unackedLimit} answered runs not yet acknowledged as stored gets no more runs until some are.
 *
 * <p>Reachability: when a worker becomes unreachable, the runs started there and every run not yet started
 * (it may sit in that worker's region) are dispatched again at once under another routing key of the same run
 * whose shard is homed on a reachable worker (shard homes are learned from the entities' start reports), and
 * while any worker is unreachable every dispatch takes such a key and a run not started within a few polls is
 * moved again. After a removal, routes avoid the removed worker's shards for a start-timeout (this node's region
 * may still send there meanwhile). So a cut-off node holds no slot of the window, and the window counts only
 * reachable workers; if it comes back, the duplicate answer is dropped by the submitter (one result per run).
 *
 * <p>Nothing is dispatched before the shard coordinator has registered the region of every Up worker node
 * (else the first shards would all be allocated to the first region). A new incarnation (the singleton moved)
 * finds the submitters through the receptionist and asks each to announce its sweep; each submitter watches
 * the coordinators it handed runs to and queues those runs again when one stops. The coordinator watches
 * each sweep's submitter and drops the sweep when it stops.
 */
public final class SweepCoordinator extends AbstractBehavior<SweepCoordinator.Command> {

    /** What the coordinator accepts. */
    public sealed interface Command extends WireMessage
            permits Submit,
                    Specs,
                    Ack,
                    Finish,
                    RunReport,
                    Tick,
                    RegionsKnown,
                    MemberChanged,
                    SubmitterGone,
                    SubmittersListed {}

    /**
     * Announces (or re-announces: idempotent per {@code sweepId}; a re-announcement means the submitter may
     * have queued runs again) a sweep of {@code total} runs still to run; the coordinator then pulls their
     * specs from {@code submitter} and dispatches them with {@code answers} as the entities' reply address. The
     * submitter may hold up to {@code unackedLimit} (≥ 1) answered runs unacknowledged (its group commit)
     * before the coordinator stops pulling for it.
     */
    public record Submit(
            String sweepId,
            int total,
            int unackedLimit,
            ActorRef<SweepSubmitter.Command> submitter,
            ActorRef<LearnerEntity.Reply> answers)
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

    /** The submitter stored (or recorded the failure of) run {@code runId}, answered earlier. */
    public record Ack(String sweepId, String runId) implements Command {}

    /** The submitter is done with the sweep: forget it. */
    public record Finish(String sweepId) implements Command {}

    /** What the submitter heard from a run's entity; {@code node} (host:port#uid) only with {@link Phase#STARTED}. */
    public record RunReport(String sweepId, String runId, Phase phase, String node) implements Command {}

    /** The phases of a run that the submitter reports to the coordinator that dispatched it. */
    public enum Phase {
        /** an entity took the run on {@code node} */
        STARTED,
        /** its entity was stopped before the end (rebalance, shutdown): dispatch it again */
        INTERRUPTED,
        /** the submitter holds its result or failure: its slot is free; an {@link Ack} follows once stored */
        ANSWERED
    }

    private enum Tick implements Command {
        INSTANCE
    }

    private record RegionsKnown(List<String> regions) implements Command {}

    /** What happened to a member, seen by this node's cluster. */
    private enum Change {
        UNREACHABLE,
        REACHABLE,
        REMOVED
    }

    /** {@code incarnation}: host:port#uid, the form of {@code Started.node}; {@code worker}: it has the worker role. */
    private record MemberChanged(Change change, String incarnation, boolean worker) implements Command {}

    /** The submitter of {@code sweepId} stopped (or its node was removed). */
    private record SubmitterGone(String sweepId) implements Command {}

    private record SubmittersListed(List<ActorRef<SweepSubmitter.Command>> submitters) implements Command {}

    /** Name of the singleton (and of its proxy). */
    public static final String NAME = "sweep-coordinator";

    /** Routing keys tried for a run before giving up on finding one whose shard is homed on a reachable worker. */
    private static final int ROUTES_TRIED = 64;

    /** Poll intervals a run may take to start while some worker is unreachable (see {@link #startTimeout()}). */
    private static final int SUSPECT_START_POLLS = 4;

    /**
     * Starts the singleton manager on worker nodes (a proxy elsewhere) and returns the proxy. Idempotent.
     */
    public static ActorRef<Command> initSingleton(ActorSystem<?> system, DriftlabSettings settings) {
        return ClusterSingleton.get(system)
                .init(SingletonActor.of(create(settings), NAME)
                        .withSettings(ClusterSingletonSettings.create(system)
                                .withRole(settings.sweep().workerRole())));
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
        final ActorRef<SweepSubmitter.Command> submitter;
        ActorRef<LearnerEntity.Reply> answers;
        int unackedLimit; // answered runs the submitter may hold unacknowledged
        final Set<String> unacked = new HashSet<>(); // answered, not yet acknowledged as stored
        int pullAsked; // > 0 while a pull is outstanding
        boolean drained; // the submitter had no more specs at the last pull
        // runs dispatched again since the last report to the submitter, by the node they had started on (null:
        // not known to have started)
        final Map<String, Integer> redispatched = new HashMap<>();

        SweepState(ActorRef<SweepSubmitter.Command> submitter) {
            this.submitter = submitter;
        }
    }

    /** What a computing run is waiting for; when its deadline passes first it is dispatched again. */
    private enum Awaiting {
        /** its entity's start (the message may be lost with a node): start-timeout */
        START,
        /** its answer: run-timeout */
        ANSWER
    }

    /**
     * One run of one sweep between dispatch and its answer reaching the submitter. Keyed by sweep and run: the
     * same run in two sweeps at once (two submissions of one config) is dispatched once per sweep and answered
     * to each sweep's submitter.
     */
    private static final class InFlight {
        final String key;
        final String sweepId;
        final RunSpec spec;
        int attempt;
        int route; // routing key index (LearnerEntity.entityId) of the latest dispatch
        String node; // host:port#uid where the latest dispatch was reported started, or null
        Awaiting awaiting;
        Duration startTimeout; // of the latest dispatch
        long deadline; // System.nanoTime() after which the Tick dispatches it again

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

    private final SweepSettings settings;
    private final ActorRef<ShardingEnvelope<LearnerEntity.Command>> region;
    private final HashCodeMessageExtractor<LearnerEntity.Command> shards;
    private final org.apache.pekko.actor.ActorRef classicRegion;
    private final ActorRef<ShardRegion.CurrentRegions> regionsAdapter;
    private final Cluster cluster;
    private final String incarnation = UUID.randomUUID().toString(); // identity only, never on a result path
    private final Map<String, SweepState> sweeps = new LinkedHashMap<>();
    private final Map<String, InFlight> inFlight = new HashMap<>(); // by key(sweepId, runId): the runs computing
    private final Map<String, String> homes = new HashMap<>(); // shard id → incarnation of the node it was started on
    private final Set<String> unreachable = new HashSet<>(); // incarnations of unreachable workers
    // incarnations of removed workers → System.nanoTime() of the removal: their shards' homes are kept, and
    // avoided, for a start-timeout after it (the shard regions may still route a shard there meanwhile)
    private final Map<String, Long> removed = new HashMap<>();
    private final Set<ActorRef<SweepSubmitter.Command>> asked = new HashSet<>(); // submitters asked to announce
    private int pullsAsked;
    private final Set<String> registered = new HashSet<>(); // incarnations of Up workers with a registered region
    private boolean ready; // every Up worker's region is registered (at the latest poll)

    private SweepCoordinator(
            ActorContext<Command> ctx,
            TimerScheduler<Command> timers,
            SweepSettings settings,
            ActorRef<ShardingEnvelope<LearnerEntity.Command>> region) {
        super(ctx);
        this.settings = settings;
        this.region = region;
        this.shards = new HashCodeMessageExtractor<>(settings.shards());
        this.cluster = Cluster.get(ctx.getSystem());
        this.classicRegion = org.apache.pekko.cluster.sharding.ClusterSharding.get(Adapter.toClassic(ctx.getSystem()))
                .shardRegion(LearnerEntity.TYPE_KEY.name());
        this.regionsAdapter = ctx.messageAdapter(ShardRegion.CurrentRegions.class, r -> {
            List<String> addresses = new ArrayList<>();
            for (var a : r.getRegions()) addresses.add(a.toString());
            return new RegionsKnown(addresses);
        });
        String role = settings.workerRole();
        ActorRef<ClusterEvent.MemberRemoved> removed =
                ctx.messageAdapter(ClusterEvent.MemberRemoved.class, e -> changed(Change.REMOVED, e.member(), role));
        ActorRef<ClusterEvent.UnreachableMember> lost = ctx.messageAdapter(
                ClusterEvent.UnreachableMember.class, e -> changed(Change.UNREACHABLE, e.member(), role));
        ActorRef<ClusterEvent.ReachableMember> back = ctx.messageAdapter(
                ClusterEvent.ReachableMember.class, e -> changed(Change.REACHABLE, e.member(), role));
        cluster.subscriptions().tell(Subscribe.create(removed, ClusterEvent.MemberRemoved.class));
        cluster.subscriptions().tell(Subscribe.create(lost, ClusterEvent.UnreachableMember.class));
        cluster.subscriptions().tell(Subscribe.create(back, ClusterEvent.ReachableMember.class));
        ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(
                Receptionist.Listing.class,
                l -> new SubmittersListed(List.copyOf(l.getServiceInstances(SweepSubmitter.SERVICE))));
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(SweepSubmitter.SERVICE, listings));
        timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.pollInterval());
        getContext().getSelf().tell(Tick.INSTANCE);
        ctx.getLog().info("sweep coordinator {} started", incarnation);
    }

    private static MemberChanged changed(Change change, Member m, String workerRole) {
        return new MemberChanged(change, LearnerEntity.incarnation(m.uniqueAddress()), m.hasRole(workerRole));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Submit.class, this::onSubmit)
                .onMessage(Specs.class, this::onSpecs)
                .onMessage(RunReport.class, this::onRunReport)
                .onMessage(Ack.class, this::onAck)
                .onMessage(Finish.class, this::onFinish)
                .onMessage(Tick.class, t -> onTick())
                .onMessage(RegionsKnown.class, this::onRegionsKnown)
                .onMessage(MemberChanged.class, this::onMemberChanged)
                .onMessage(SubmitterGone.class, this::onSubmitterGone)
                .onMessage(SubmittersListed.class, this::onSubmittersListed)
                .build();
    }

    private Behavior<Command> onSubmit(Submit submit) {
        SweepState state = sweeps.get(submit.sweepId());
        if (state == null) {
            getContext().getLog().info("sweep {} submitted: {} runs to run", submit.sweepId(), submit.total());
            state = new SweepState(submit.submitter());
            sweeps.put(submit.sweepId(), state);
            getContext().watchWith(submit.submitter(), new SubmitterGone(submit.sweepId()));
        }
        state.answers = submit.answers();
        state.unackedLimit = submit.unackedLimit();
        state.drained = false;
        pull();
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
            dispatch(f, state);
        }
        pull();
        return this;
    }

    private Behavior<Command> onRunReport(RunReport report) {
        InFlight f = inFlight.get(key(report.sweepId(), report.runId()));
        SweepState state = sweeps.get(report.sweepId());
        switch (report.phase()) {
            case STARTED -> {
                if (f == null) return this;
                f.node = report.node();
                homes.put(shardOf(f), report.node());
                f.await(Awaiting.ANSWER, settings.runTimeout());
            }
            case INTERRUPTED -> {
                if (f == null) return this;
                redispatch(f, state);
                reportRedispatches("an entity was stopped before its run ended");
            }
            case ANSWERED -> {
                if (state == null) return this;
                if (f != null) inFlight.remove(f.key);
                state.unacked.add(report.runId());
                pull(); // an answered run no longer computes: its slot is free
            }
        }
        return this;
    }

    private Behavior<Command> onAck(Ack ack) {
        SweepState state = sweeps.get(ack.sweepId());
        if (state != null && state.unacked.remove(ack.runId())) pull();
        return this;
    }

    private Behavior<Command> onFinish(Finish finish) {
        SweepState state = sweeps.get(finish.sweepId());
        if (state == null) return this;
        getContext().unwatch(state.submitter);
        forget(finish.sweepId());
        getContext().getLog().info("sweep {} finished", finish.sweepId());
        pull();
        return this;
    }

    private Behavior<Command> onSubmitterGone(SubmitterGone gone) {
        SweepState state = sweeps.get(gone.sweepId());
        if (state == null) return this;
        asked.remove(state.submitter);
        getContext()
                .getLog()
                .warn(
                        "the submitter of sweep {} stopped: sweep dropped (it was on {})",
                        gone.sweepId(),
                        state.submitter.path().address());
        forget(gone.sweepId());
        pull();
        return this;
    }

    /** A new submitter (or every one, for a new incarnation) is asked to announce its sweep. */
    private Behavior<Command> onSubmittersListed(SubmittersListed listed) {
        asked.retainAll(listed.submitters());
        for (ActorRef<SweepSubmitter.Command> submitter : listed.submitters()) {
            if (asked.add(submitter))
                submitter.tell(
                        new SweepSubmitter.Announce(incarnation, getContext().getSelf()));
        }
        return this;
    }

    /**
     * Forgets a sweep: its outstanding pull and its runs in flight (answers still to come go to its submitter,
     * if it is still there, which drops them).
     */
    private void forget(String sweepId) {
        SweepState state = sweeps.remove(sweepId);
        pullsAsked -= state.pullAsked;
        inFlight.values().removeIf(f -> f.sweepId.equals(sweepId));
    }

    /**
     * Polls the shard regions and dispatches again the runs whose deadline has passed. One scan per poll
     * instead of a timer per run and phase: timeouts are seconds to minutes, so acting up to a poll interval
     * late does not matter, while two timers per run cost scheduler entries (kept in Pekko's timer wheel until
     * their original expiry even when cancelled) and messages on the coordinator's hot path.
     */
    private Behavior<Command> onTick() {
        classicRegion.tell(ShardRegion.getCurrentRegionsInstance(), Adapter.toClassic(regionsAdapter));
        long now = System.nanoTime();
        forgetRemoved(now);
        if (!unreachable.isEmpty()) logWindow();
        List<InFlight> expired = new ArrayList<>();
        for (InFlight f : inFlight.values()) {
            if (now - f.deadline >= 0) expired.add(f);
        }
        if (expired.isEmpty()) return this;
        // grouped by the start timeout they had (the short one while a worker is unreachable, or the setting)
        Map<Duration, List<InFlight>> notStarted = new TreeMap<>();
        List<InFlight> unanswered = new ArrayList<>();
        for (InFlight f : expired) {
            if (f.awaiting == Awaiting.START)
                notStarted
                        .computeIfAbsent(f.startTimeout, d -> new ArrayList<>())
                        .add(f);
            else unanswered.add(f);
        }
        for (Map.Entry<Duration, List<InFlight>> e : notStarted.entrySet()) {
            for (InFlight f : e.getValue()) redispatch(f, sweeps.get(f.sweepId));
            reportRedispatches("not started within " + e.getKey());
        }
        for (InFlight f : unanswered) redispatch(f, sweeps.get(f.sweepId));
        reportRedispatches("no answer within " + settings.runTimeout());
        return this;
    }

    private Behavior<Command> onRegionsKnown(RegionsKnown known) {
        Set<String> regions = new HashSet<>(known.regions());
        registered.clear();
        int workers = 0;
        int registeredWorkers = 0;
        for (Member m : cluster.state().getMembers()) {
            if (m.status() != MemberStatus.up() || !m.hasRole(settings.workerRole())) continue;
            workers++;
            if (regions.contains(m.address().toString())) {
                registeredWorkers++;
                registered.add(LearnerEntity.incarnation(m.uniqueAddress()));
            }
        }
        // Not sticky: a worker that just joined gets its region registered before more runs go out, else
        // the shards allocated meanwhile would all land on the older nodes.
        boolean allRegistered = workers > 0 && registeredWorkers == workers;
        if (allRegistered && !ready) {
            getContext().getLog().info("shard regions of all {} worker nodes registered: dispatching", workers);
        }
        ready = allRegistered;
        pull();
        return this;
    }

    private Behavior<Command> onMemberChanged(MemberChanged m) {
        getContext().getLog().info("member {}: {}", m.incarnation(), m.change());
        if (!m.worker()) return this; // a client holds no shard region: nothing of it to route around
        List<InFlight> moved = new ArrayList<>();
        switch (m.change()) {
            case UNREACHABLE -> {
                unreachable.add(m.incarnation());
                // Runs started there go to reachable homes, and so do all runs not yet started: one sent in the
                // seconds before the detection may well sit in the unreachable node's region (its shard's home
                // unknown here, or moved there by a rebalance since it was learned), holding a slot of the window
                // until its start-timeout. A healthy start takes milliseconds, so a run that was in fact fine is
                // rare, and is computed twice at worst (the submitter keeps one answer).
                for (InFlight f : inFlight.values()) {
                    if (f.node == null || m.incarnation().equals(f.node)) moved.add(f);
                }
            }
            case REACHABLE -> unreachable.remove(m.incarnation());
            case REMOVED -> {
                unreachable.remove(m.incarnation());
                // its shards get new homes, but until this node's region has dropped the removed one a message to
                // them may still go there and be lost: routes avoid them for a while (see forgetRemoved)
                removed.put(m.incarnation(), System.nanoTime());
                // Runs started there are lost; runs not yet started may have been sent there: both go again (a
                // run that is in fact alive elsewhere just takes the second request), under a route whose shard
                // is homed on a live worker. The others are safe.
                for (InFlight f : inFlight.values()) {
                    if (f.node == null || f.node.equals(m.incarnation())) moved.add(f);
                }
            }
        }
        for (InFlight f : moved) redispatch(f, sweeps.get(f.sweepId));
        reportRedispatches(
                "member " + m.incarnation() + (m.change() == Change.REMOVED ? " was removed" : " is unreachable"));
        pull();
        return this;
    }

    /**
     * Asks submitters for specs while the window has room: one outstanding pull per sweep.
     *
     * <p>The window belongs to reachable capacity: {@code in-flight-per-node} per reachable worker. It counts
     * the runs computing (dispatched, not yet answered) and the specs asked for, not the answered runs waiting
     * for the submitter's ack: with group commit a submitter holds a batch of answers until it commits them,
     * and were they counted, a window smaller than a batch would idle every learner until the batch's delay ran
     * out. Memory stays bounded all the same: answered runs are bounded per sweep by the submitter's {@code
     * unackedLimit} (no pull for a sweep at its limit), overshot at most by the runs already computing when it is
     * reached. A store slower than the learners thus throttles its sweep through the acks.
     */
    private void pull() {
        if (!ready) return;
        int reachable = reachableWorkers();
        int room = settings.inFlightPerNode() * reachable - inFlight.size() - pullsAsked;
        for (Map.Entry<String, SweepState> e : sweeps.entrySet()) {
            if (room <= 0) return;
            SweepState state = e.getValue();
            if (state.drained || state.pullAsked > 0 || state.unacked.size() >= state.unackedLimit) continue;
            int ask = Math.min(room, settings.pullBatch());
            state.pullAsked = ask;
            pullsAsked += ask;
            room -= ask;
            state.submitter.tell(new SweepSubmitter.Pull(
                    e.getKey(), incarnation, ask, reachable, getContext().getSelf()));
        }
    }

    /**
     * While a worker is unreachable, each poll logs how the window is used: the runs computing by the node
     * they started on ("not started": dispatched, no start report yet) against the window of the reachable
     * workers. Only then, so a partition can be followed in the log without a line per poll otherwise.
     */
    private void logWindow() {
        Map<String, Integer> byNode = new TreeMap<>();
        for (InFlight f : inFlight.values()) byNode.merge(f.node == null ? "not started" : f.node, 1, Integer::sum);
        getContext()
                .getLog()
                .info(
                        "window {} ({} reachable workers), {} runs computing {}, {} specs asked for; unreachable {}",
                        settings.inFlightPerNode() * reachableWorkers(),
                        reachableWorkers(),
                        inFlight.size(),
                        byNode,
                        pullsAsked,
                        unreachable);
    }

    /**
     * Registered Up workers less the unreachable ones among them (a downed one is no longer Up, but may still be
     * unreachable until removed: it must not count twice); at least one (this node hosts the coordinator).
     */
    private int reachableWorkers() {
        int reachable = 0;
        for (String node : registered) if (!unreachable.contains(node)) reachable++;
        return Math.max(1, reachable);
    }

    private static String key(String sweepId, String runId) {
        return sweepId + '\u0000' + runId;
    }

    private String routeKey(InFlight f) {
        return LearnerEntity.entityId(f.spec.runId(), f.route);
    }

    private String shardOf(InFlight f) {
        return shards.shardId(routeKey(f));
    }

    /** The shard of {@code entityId} was last started on a member that is now unreachable or just removed. */
    private boolean blocked(String entityId) {
        String home = homes.get(shards.shardId(entityId));
        return home != null && avoided(home);
    }

    private boolean avoided(String incarnation) {
        return unreachable.contains(incarnation) || removed.containsKey(incarnation);
    }

    /** Some worker is unreachable or was removed less than a start-timeout ago: routes steer clear of it. */
    private boolean avoiding() {
        return !unreachable.isEmpty() || !removed.isEmpty();
    }

    /**
     * Forgets the workers removed more than a start-timeout ago, and their shards' homes: by then this node's
     * region has long dropped their regions and the shard coordinator allocates their shards anew, so routes
     * need not avoid them (and must not for ever: new shards would never be allocated, nor reach a new node).
     */
    private void forgetRemoved(long now) {
        var it = removed.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (now - e.getValue() < settings.startTimeout().toNanos()) continue;
            homes.values().removeIf(e.getKey()::equals);
            it.remove();
        }
    }

    /**
     * While some worker is unreachable (or just removed), moves {@code f} to the first routing key (from its
     * current one on) whose shard is homed on a reachable worker, else to the first not homed on an unreachable
     * one; a shard whose home is unknown may be allocated to any region, the unreachable ones included.
     */
    private void route(InFlight f) {
        if (!avoiding()) return;
        int firstUnblocked = -1;
        for (int r = f.route; r < f.route + ROUTES_TRIED; r++) {
            String home = homes.get(shards.shardId(LearnerEntity.entityId(f.spec.runId(), r)));
            if (home != null && !avoided(home)) {
                f.route = r;
                return;
            }
            if (home == null && firstUnblocked < 0) firstUnblocked = r;
        }
        if (firstUnblocked >= 0) f.route = firstUnblocked;
    }

    private void dispatch(InFlight f, SweepState state) {
        route(f);
        f.node = null;
        region.tell(new ShardingEnvelope<>(routeKey(f), new LearnerEntity.Run(f.spec, state.answers)));
        f.startTimeout = startTimeout();
        f.await(Awaiting.START, f.startTimeout);
    }

    /**
     * The start-timeout, or while some worker is unreachable {@value #SUSPECT_START_POLLS} poll intervals if
     * that is shorter: a run's start is acknowledged within milliseconds, and one that is not may have been
     * routed to the unreachable node after all (a shard home learned before a rebalance moved the shard
     * there), where it would hold a slot of the window for the whole start-timeout. Dispatched again under
     * another route, it is computed twice at worst. Not after a removal: then the shard coordinator allocates
     * the removed node's shards anew, often to a node just started that takes seconds to start its first
     * entities, and a short timeout would only send the same runs round again.
     */
    private Duration startTimeout() {
        if (unreachable.isEmpty()) return settings.startTimeout();
        Duration suspect = settings.pollInterval().multipliedBy(SUSPECT_START_POLLS);
        return suspect.compareTo(settings.startTimeout()) < 0 ? suspect : settings.startTimeout();
    }

    /**
     * Dispatches {@code f} again. Its shard is left for another routing key when it is homed on an unreachable
     * (or just removed) member, or when the run never started while some member is unreachable (or just
     * removed): its shard may have been allocated to that member's region meanwhile.
     */
    private void redispatch(InFlight f, SweepState state) {
        f.attempt++;
        boolean suspect = f.node == null ? avoiding() : avoided(f.node);
        if (suspect || blocked(routeKey(f))) f.route++;
        state.redispatched.merge(f.node, 1, Integer::sum);
        getContext().getLog().info("re-dispatching run {} (attempt {})", f.spec.runId(), f.attempt + 1);
        dispatch(f, state);
    }

    /** Tells each sweep's submitter how many of its runs were just dispatched again, from which node, and why. */
    private void reportRedispatches(String why) {
        for (Map.Entry<String, SweepState> e : sweeps.entrySet()) {
            SweepState state = e.getValue();
            for (Map.Entry<String, Integer> byNode : state.redispatched.entrySet()) {
                getContext()
                        .getLog()
                        .info(
                                "sweep {}: {} runs (started on {}) dispatched again: {}",
                                e.getKey(),
                                byNode.getValue(),
                                byNode.getKey(),
                                why);
                state.submitter.tell(
                        new SweepSubmitter.Redispatching(e.getKey(), byNode.getValue(), why, byNode.getKey()));
            }
            state.redispatched.clear();
        }
    }
}
