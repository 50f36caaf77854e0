package org.driftlab.cluster.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * Runs sweeps on the cluster a node belongs to and stores their results in a {@link ResultSink}. Thread-safe;
 * one submission per call. The sink must be usable from another thread (the submitter actor's) for the
 * duration of the call; this class does not close it.
 */
public final class SweepClient {
    private final ActorSystem<?> system;
    private final ActorRef<SweepCoordinator.Command> coordinator;
    private final DriftlabSettings settings;

    SweepClient(ActorSystem<?> system, ActorRef<SweepCoordinator.Command> coordinator, DriftlabSettings settings) {
        this.system = system;
        this.coordinator = coordinator;
        this.settings = settings;
    }

    /**
     * Runs every run of {@code sweep} not already in {@code sink} ({@link ResultSink#storedRunIds}) and returns
     * once each is stored (or failed). Blocks the calling thread.
     *
     * @throws ExecutionException when storing a result failed (the cause is the sink's exception)
     */
    public SweepOutcome run(SweepSpec sweep, ResultSink sink, ProgressListener listener)
            throws InterruptedException, ExecutionException {
        return runAsync(sweep, sink, listener).toCompletableFuture().get();
    }

    /** As {@link #run}, without blocking: the stage completes when every run is stored or failed. */
    public CompletionStage<SweepOutcome> runAsync(SweepSpec sweep, ResultSink sink, ProgressListener listener) {
        CompletableFuture<SweepOutcome> done = new CompletableFuture<>();
        sink.beginSweep(sweep);
        Set<String> stored = sink.storedRunIds(sweep);
        List<RunSpec> pending = new ArrayList<>();
        for (RunSpec spec : sweep.runs()) if (!stored.contains(spec.runId())) pending.add(spec);
        int skipped = sweep.runs().size() - pending.size();
        if (pending.isEmpty()) {
            listener.onProgress(new Progress(skipped, skipped, skipped, 0, 0, 0, 0.0, 0));
            done.complete(new SweepOutcome(sweep.name(), skipped, skipped, 0, Map.of(), 0));
            return done;
        }
        // a fresh id per submission: it only keys the coordinator's bookkeeping, never a result
        String sweepId = sweep.name() + "-" + UUID.randomUUID();
        // a system actor: the node's user guardian is ours and takes no spawn requests from outside
        system.systemActorOf(
                SweepSubmitter.create(
                        sweep.name(), sweepId, pending, skipped, sink, listener, coordinator, settings.sweep(), done),
                "submitter-" + sweepId.replaceAll("[^A-Za-z0-9_-]", "_"),
                DispatcherSelector.fromConfig("driftlab.blocking-dispatcher"));
        return done;
    }
}
