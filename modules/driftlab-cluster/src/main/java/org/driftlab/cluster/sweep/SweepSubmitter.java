package org.driftlab.cluster.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * coordinator's pulls from the runs still to run (in sweep order), stores each delivered result in the sink
 * (which blocks: this actor runs on the blocking dispatcher) and only then acknowledges it, reports progress,
 * and completes {@code done} when every run is stored or failed. It re-announces the sweep every
 * {@code resubmit-interval}; when a new coordinator incarnation pulls, the runs handed out to the old one and
 * not yet stored are queued again first. If the sink throws, the sweep fails: {@code done} completes
 * exceptionally.
 */
public final class SweepSubmitter extends AbstractBehavior<SweepSubmitter.Command> {

    /** What the submitter accepts. */
    public sealed interface Command extends WireMessage permits Pull, Deliver, RunFailed, Resubmit {}

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
    private final CompletableFuture<SweepOutcome> done;
    private final Deque<RunSpec> queue;
    private final Map<String, RunSpec> unstored = new HashMap<>();              // lookup only
    private final Map<String, RunSpec> handedOut = new LinkedHashMap<>();       // in hand-out order
    private final Map<String, String> failures = new TreeMap<>();
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
        this.done = done;
        this.queue = new ArrayDeque<>(pending);
        for (RunSpec spec : pending) {
            if (unstored.put(spec.runId(), spec) != null) {
                throw new IllegalArgumentException("run id " + spec.runId() + " appears twice in sweep " + sweepName);
            }
        }
        timers.startTimerWithFixedDelay(Resubmit.INSTANCE, settings.resubmitInterval());
        coordinator.tell(new SweepCoordinator.Submit(sweepId, pending.size(), ctx.getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Pull.class, this::onPull)
                .onMessage(Deliver.class, this::onDeliver)
                .onMessage(RunFailed.class, this::onRunFailed)
                .onMessage(Resubmit.class, r -> onResubmit())
                .build();
    }

    private Behavior<Command> onPull(Pull pull) {
        if (!pull.incarnation().equals(incarnation)) {
            if (incarnation != null && !handedOut.isEmpty()) {
                getContext().getLog().warn("a new sweep coordinator took over: {} runs handed out are queued again", handedOut.size());
                List<RunSpec> again = new ArrayList<>(handedOut.values());
                for (int i = again.size() - 1; i >= 0; i--) queue.addFirst(again.get(i));
                handedOut.clear();
            }
            incarnation = pull.incarnation();
        }
        nodesUp = pull.nodesUp();
        List<RunSpec> batch = new ArrayList<>(Math.min(pull.max(), queue.size()));
        while (batch.size() < pull.max() && !queue.isEmpty()) {
            RunSpec spec = queue.pollFirst();
            if (!unstored.containsKey(spec.runId())) continue; // stored meanwhile (a late result of the old incarnation)
            handedOut.put(spec.runId(), spec);
            batch.add(spec);
        }
        pull.replyTo().tell(new SweepCoordinator.Specs(sweepId, batch));
        return this;
    }

    private Behavior<Command> onDeliver(Deliver d) {
        RunResult result = d.result();
        RunSpec spec = unstored.get(result.runId());
        nodesUp = d.nodesUp();
        if (spec != null) {
            try {
                sink.accept(spec, result);
            } catch (RuntimeException e) {
                getContext().getLog().error("storing run {} failed: sweep {} aborted", result.runId(), sweepName, e);
                done.completeExceptionally(e);
                coordinator.tell(new SweepCoordinator.Finish(sweepId));
                return Behaviors.stopped();
            }
            unstored.remove(result.runId());
            handedOut.remove(result.runId());
            stored++;
            learnerSteps += result.metrics().steps();
            report();
        }
        d.replyTo().tell(new SweepCoordinator.Ack(sweepId, result.runId()));
        return unstored.isEmpty() ? complete() : this;
    }

    private Behavior<Command> onRunFailed(RunFailed f) {
        if (unstored.remove(f.runId()) != null) {
            handedOut.remove(f.runId());
            failures.put(f.runId(), f.error());
            getContext().getLog().error("run {} failed: {}", f.runId(), f.error());
            report();
        }
        f.replyTo().tell(new SweepCoordinator.Ack(sweepId, f.runId()));
        return unstored.isEmpty() ? complete() : this;
    }

    private Behavior<Command> onResubmit() {
        coordinator.tell(new SweepCoordinator.Submit(sweepId, unstored.size(), getContext().getSelf()));
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
