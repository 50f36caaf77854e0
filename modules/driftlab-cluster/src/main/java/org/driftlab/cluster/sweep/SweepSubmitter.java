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
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.driftlab.cluster.wire.WireMessage;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;

/**
 * The submitter's side of one sweep, on the node that holds the {@link ResultSink}. It serves the
 * coordinator's pulls from the runs still to run (in sweep order), stores delivered results in the sink
 * (which blocks: this actor runs on the blocking dispatcher) and only then acknowledges them, reports progress,
 * and completes {@code done} when every run is stored or failed.
 *
 * <p>Group commit: answers (results and failures alike) are held in arrival order until {@code
 * store-batch-size} are pending or the first has waited {@code store-batch-delay}; then the held results go
 * to {@link ResultSink#acceptAll} in one call (one transaction in the store: all or nothing) and only after it
 * returns is each held answer recorded, reported and acknowledged, in arrival order. So an acknowledged result
 * is always stored, and a crash or interrupt loses only unacknowledged answers, which the coordinator (or
 * the next invocation, from the store) runs again. It re-announces the sweep every
 * {@code resubmit-interval}; when a new coordinator incarnation pulls, the runs handed out to the old one and
 * not yet stored are queued again first. If the sink throws, the sweep fails: {@code done} completes
 * exceptionally.
 */
public final class SweepSubmitter extends AbstractBehavior<SweepSubmitter.Command> {

    /** What the submitter accepts. */
    public sealed interface Command extends WireMessage permits Pull, Deliver, RunFailed, Resubmit, Flush {}

    /** The coordinator asks for up to {@code max} run specs; {@code nodesUp} is for progress reports. */
    public record Pull(String sweepId, String incarnation, int max, int nodesUp,
                       ActorRef<SweepCoordinator.Command> replyTo) implements Command {}

    /** A run's result, to store and then acknowledge. */
    public record Deliver(String sweepId, RunResult result, int nodesUp, ActorRef<SweepCoordinator.Command> replyTo)
            implements Command {}

    /** A run that cannot be computed, to record and acknowledge. */
    public record RunFailed(String sweepId, String runId, String error, ActorRef<SweepCoordinator.Command> replyTo)
            implements Command {}

    private enum Resubmit implements Command { INSTANCE }

    /** The first held answer has waited {@code store-batch-delay}: store what is held. */
    private enum Flush implements Command { INSTANCE }

    /**
     * An answer held for the next commit: a result ({@code result} non-null), a failure ({@code error}
     * non-null), or neither: a repeat of a held answer, acknowledged with it.
     */
    private record Held(String runId, RunSpec spec, RunResult result, String error,
                        ActorRef<SweepCoordinator.Command> replyTo) {}

    /**
     * A submitter for {@code pending} (the sweep's runs not yet in {@code sink}, in sweep order).
     *
     * @param skipped runs of the sweep already stored (for progress)
     * @param done    completed with the outcome when every pending run is stored or failed
     */
    public static Behavior<Command> create(String sweepName, String sweepId, List<RunSpec> pending, int skipped,
                                           ResultSink sink, ProgressListener listener,
                                           ActorRef<SweepCoordinator.Command> coordinator, SweepSettings settings,
                                           CompletableFuture<SweepOutcome> done) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new SweepSubmitter(ctx, timers, sweepName,
                sweepId, pending, skipped, sink, listener, coordinator, settings, done)));
    }

    private final String sweepName;
    private final String sweepId;
    private final int skipped;
    private final int total;
    private final ResultSink sink;
    private final ProgressListener listener;
    private final ActorRef<SweepCoordinator.Command> coordinator;
    private final SweepSettings settings;
    private final TimerScheduler<Command> timers;
    private final CompletableFuture<SweepOutcome> done;
    private final Deque<RunSpec> queue;
    private final Map<String, RunSpec> unstored = new HashMap<>();              // lookup only
    private final Map<String, RunSpec> handedOut = new LinkedHashMap<>();       // in hand-out order
    private final Map<String, String> failures = new TreeMap<>();
    private final List<Held> held = new ArrayList<>();                          // in arrival order
    private final Set<String> heldIds = new HashSet<>();                        // lookup only
    private int heldAnswers;
    private final long startNanos = System.nanoTime();
    private String incarnation;
    private int stored;
    private long learnerSteps;
    private int nodesUp;

    private SweepSubmitter(ActorContext<Command> ctx, TimerScheduler<Command> timers, String sweepName, String sweepId,
                           List<RunSpec> pending, int skipped, ResultSink sink, ProgressListener listener,
                           ActorRef<SweepCoordinator.Command> coordinator, SweepSettings settings,
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
        for (RunSpec spec : pending) {
            if (unstored.put(spec.runId(), spec) != null) {
                throw new IllegalArgumentException("run id " + spec.runId() + " appears twice in sweep " + sweepName);
            }
        }
        timers.startTimerWithFixedDelay(Resubmit.INSTANCE, settings.resubmitInterval());
        coordinator.tell(new SweepCoordinator.Submit(sweepId, pending.size(), settings.unackedLimit(), ctx.getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Pull.class, this::onPull)
                .onMessage(Deliver.class, this::onDeliver)
                .onMessage(RunFailed.class, this::onRunFailed)
                .onMessage(Resubmit.class, r -> onResubmit())
                .onMessage(Flush.class, f -> flush())
                .build();
    }

    private Behavior<Command> onPull(Pull pull) {
        if (!pull.incarnation().equals(incarnation)) {
            if (incarnation != null && !handedOut.isEmpty()) {
                // held answers are not run again: the next commit stores them (or the sweep fails)
                List<RunSpec> again = new ArrayList<>();
                for (RunSpec spec : handedOut.values()) if (!heldIds.contains(spec.runId())) again.add(spec);
                getContext().getLog().warn("a new sweep coordinator took over: {} runs handed out are queued again", again.size());
                for (int i = again.size() - 1; i >= 0; i--) queue.addFirst(again.get(i));
                for (RunSpec spec : again) handedOut.remove(spec.runId());
            }
            incarnation = pull.incarnation();
        }
        nodesUp = pull.nodesUp();
        List<RunSpec> batch = new ArrayList<>(Math.min(pull.max(), queue.size()));
        while (batch.size() < pull.max() && !queue.isEmpty()) {
            RunSpec spec = queue.pollFirst();
            // stored meanwhile (a late result of the old incarnation), or held for the next commit
            if (!unstored.containsKey(spec.runId()) || heldIds.contains(spec.runId())) continue;
            handedOut.put(spec.runId(), spec);
            batch.add(spec);
        }
        pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, batch));
        return this;
    }

    private Behavior<Command> onDeliver(Deliver d) {
        RunResult result = d.result();
        nodesUp = d.nodesUp();
        return hold(new Held(result.runId(), unstored.get(result.runId()), result, null, d.replyTo()));
    }

    private Behavior<Command> onRunFailed(RunFailed f) {
        return hold(new Held(f.runId(), null, null, f.error(), f.replyTo()));
    }

    /**
     * Holds an answer for the next commit and commits when the batch is full or holds every run still
     * unstored (else the sweep's end would wait for store-batch-delay). An answer for a run already
     * stored or failed is acknowledged at once (a re-delivery: its first answer is safe); a second answer for
     * a held run is held as a bare acknowledgement, sent after the commit that stores the first.
     */
    private Behavior<Command> hold(Held h) {
        String runId = h.runId();
        if (!unstored.containsKey(runId)) {
            h.replyTo().tell(new SweepCoordinator.Ack(sweepId, runId));
            return this;
        }
        if (!heldIds.add(runId)) h = new Held(runId, null, null, null, h.replyTo());
        if (held.isEmpty() && settings.storeBatchSize() > 1 && !settings.storeBatchDelay().isZero()) {
            timers.startSingleTimer(Flush.INSTANCE, Flush.INSTANCE, settings.storeBatchDelay());
        }
        held.add(h);
        if (h.result() != null || h.error() != null) heldAnswers++;
        // the last runs of a sweep commit at once: no answer can come to fill their batch
        boolean noneToCome = heldIds.size() == unstored.size();
        return heldAnswers >= settings.storeBatchSize() || settings.storeBatchDelay().isZero() || noneToCome ? flush() : this;
    }

    /**
     * Stores the held results in one {@link ResultSink#acceptAll} call, then records and acknowledges every
     * held answer in arrival order. If the sink throws, none is acknowledged and the sweep fails.
     */
    private Behavior<Command> flush() {
        timers.cancel(Flush.INSTANCE);
        if (held.isEmpty()) return this;
        List<ResultSink.Entry> batch = new ArrayList<>(heldAnswers);
        for (Held h : held) if (h.result() != null) batch.add(new ResultSink.Entry(h.spec(), h.result()));
        if (!batch.isEmpty()) {
            try {
                sink.acceptAll(batch);
            } catch (RuntimeException e) {
                getContext().getLog().error("storing {} results (from run {}) failed: sweep {} aborted", batch.size(),
                        batch.get(0).result().runId(), sweepName, e);
                done.completeExceptionally(e);
                coordinator.tell(new SweepCoordinator.Finish(sweepId));
                return Behaviors.stopped();
            }
        }
        List<Held> answered = new ArrayList<>(held);
        held.clear();
        heldIds.clear();
        heldAnswers = 0;
        for (Held h : answered) {
            if (h.result() != null) {
                unstored.remove(h.runId());
                handedOut.remove(h.runId());
                stored++;
                learnerSteps += h.result().metrics().steps();
                report();
            } else if (h.error() != null) {
                unstored.remove(h.runId());
                handedOut.remove(h.runId());
                failures.put(h.runId(), h.error());
                getContext().getLog().error("run {} failed: {}", h.runId(), h.error());
                report();
            }
            h.replyTo().tell(new SweepCoordinator.Ack(sweepId, h.runId()));
        }
        return unstored.isEmpty() ? complete() : this;
    }

    private Behavior<Command> onResubmit() {
        coordinator.tell(new SweepCoordinator.Submit(sweepId, unstored.size(), settings.unackedLimit(), getContext().getSelf()));
        return this;
    }

    private void report() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Progress p = new Progress(skipped + stored + failures.size(), total, skipped, failures.size(),
                learnerSteps, seconds > 0 ? learnerSteps / seconds : 0.0, nodesUp);
        try {
            listener.onProgress(p);
        } catch (RuntimeException e) {
            getContext().getLog().warn("progress listener failed; the sweep goes on", e); // a display must not stop a sweep
        }
    }

    private Behavior<Command> complete() {
        coordinator.tell(new SweepCoordinator.Finish(sweepId));
        done.complete(new SweepOutcome(sweepName, total, skipped, stored, failures, System.nanoTime() - startNanos));
        return Behaviors.stopped();
    }
}
