package org.driftlab.bench.scale;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.driftlab.bench.e2e.Workloads;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * N learners of a {@link Workloads} workload concurrently in flight on one embedded node: one sweep of N runs
 * with {@code driftlab.sweep.in-flight-per-node = N}, so the coordinator dispatches all of them at once and
 * every learner entity (learner, chunk-start snapshot, evidence buffer, belief actor with its monitor) is
 * alive until the runs near their end. Results go to a sink that only counts them.
 *
 * <p>Measured in this JVM (run it in one of the -Xmx under test, e.g. through {@link ChildJvm}): whether all N
 * runs completed; learner-steps per second over the sweep (wall time from submission to the last result,
 * less the pause of the mid-run sample); the peak heap occupancy after any GC during the sweep
 * ({@link HeapWatch}); and the live heap once all N learners are alive (polled every 250 ms: the shard
 * region's entity count, then runs started, i.e. belief monitors on the heap, less runs stored; a class
 * histogram, i.e. a full GC) against the live heap before the sweep, divided by the learners alive: the bytes
 * one concurrent learner retains, everything its run adds (spec, coordinator entry, entity, belief, actors),
 * with the classes that grew most. When runs end before all N are alive at once, the sample is taken as soon
 * as the number alive falls (its peak is past) and reports how many were alive; when the sweep ends between
 * two polls there is no sample ({@link Result#sampled()} false).
 */
public final class ConcurrentLearnersMeasurement {
    private static final long POLL_MILLIS = 250;

    /**
     * What to run.
     *
     * @param learners  N, runs in flight at once (≥ 1)
     * @param steps     steps per learner (≥ 1)
     * @param chunkSize the learner entities' K ({@code driftlab.learner.chunk-size}, ≥ 1): the evidence buffer
     *                  and each chunk's message hold K × evidence-width doubles
     * @param fifo      run the actors on a FIFO thread pool of one thread per core with a high throughput
     *                  (see {@link #clusterConfig}) instead of Pekko's default fork-join dispatcher
     * @param firstSeed seeds firstSeed … firstSeed + N − 1 (≥ 0)
     */
    public record Settings(Workload workload, int learners, long steps, int chunkSize, boolean fifo, int firstSeed) {
        public Settings {
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (learners < 1) throw new IllegalArgumentException("learners must be >= 1, got " + learners);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (chunkSize < 1) throw new IllegalArgumentException("chunk must be >= 1, got " + chunkSize);
            if (firstSeed < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + firstSeed);
        }
    }

    /**
     * The measurement. Bytes are heap bytes; −1 where nothing was measured.
     *
     * @param completed        every run stored, none failed
     * @param results          runs stored
     * @param failures         runs failed (their errors are in the log)
     * @param learnerSteps     steps of the stored runs
     * @param wallNanos        submission to last result
     * @param sampleNanos      of which the mid-run sample's full collection
     * @param baselineBytes    live heap with the node up, before the sweep
     * @param sampleBytes      live heap when {@code entitiesAtSample} learners were alive (−1: not sampled)
     * @param entitiesAtSample learners alive at the sample (the most seen when not sampled)
     * @param peakAfterGcBytes largest heap occupancy after a GC during the sweep
     * @param maxHeapBytes     the heap limit
     * @param collections      GCs during the sweep (the sample's included)
     * @param grown            classes that grew most from the baseline to the sample (bytes, instances)
     */
    public record Result(
            Settings settings,
            boolean completed,
            long results,
            int failures,
            long learnerSteps,
            long wallNanos,
            long sampleNanos,
            long baselineBytes,
            long sampleBytes,
            int entitiesAtSample,
            long peakAfterGcBytes,
            long maxHeapBytes,
            long collections,
            List<HeapHistogram.Row> grown) {
        public Result {
            grown = List.copyOf(grown);
        }

        /** True when the live heap was sampled during the sweep (with {@code entitiesAtSample} learners alive). */
        public boolean sampled() {
            return sampleBytes >= 0;
        }

        /** Learner-steps per second, the sample's pause excluded. */
        public double stepsPerSecond() {
            long nanos = Math.max(1, wallNanos - sampleNanos);
            return learnerSteps / (nanos / 1e9);
        }

        /** (sample − baseline) / learners alive at the sample, or NaN when not sampled. */
        public double bytesPerLearner() {
            return sampled() && entitiesAtSample > 0
                    ? (sampleBytes - baselineBytes) / (double) entitiesAtSample
                    : Double.NaN;
        }
    }

    private ConcurrentLearnersMeasurement() {}

    /**
     * Runs started so far: belief monitors on the heap, reachable or not (one per started run of a workload
     * with a belief-driven reset, which every reference workload has; none is garbage before a run ends, so
     * before the first run ends this is exactly the number started). A heap walk, no collection.
     */
    static int startedLearners() {
        return (int) HeapHistogram.takeAll().row(BELIEF_MONITOR).instances();
    }

    private static final String BELIEF_MONITOR = "org.driftlab.core.sim.BeliefMonitor";

    /**
     * The cluster settings this benchmark overrides on {@code base}: the in-flight window (N), the chunk size,
     * the pull batch (N: the coordinator gets all N specs in one message instead of N/32 pulls, each of which
     * waits for the coordinator's next turn behind the running learners, so that learners would start in
     * waves; the submitter is in the same JVM, so no frame limit applies), and a start timeout long enough
     * that N first chunks queued before a learner's own do not trigger (harmless, but noisy) re-dispatches. With {@code fifo}, also the learners' dispatcher: a thread pool of
     * one thread per core (one FIFO queue of actors to run) and a throughput of max(N, 1000) messages per
     * turn, on the learners' dispatcher ({@code LearnerEntity.DISPATCHER}). Why: with its fork-join executor a worker keeps running the actors its own tasks woke (a
     * learner and its belief actor ping-pong on one worker, which is what keeps their state in cache), so new entities, whose
     * mailboxes hold the N Run messages, get a turn only now and then; and with the default throughput (5)
     * the region forwards 5 Runs per turn. Learners then start in waves and only a few hundred are alive at
     * once whatever N is (docs/SCALE.md). FIFO with a large throughput starts all N
     * before any runs its second chunk: every learner alive at once, the worst case for memory.
     */
    public static Config clusterConfig(Settings s, Config base) {
        String dispatcher = LearnerEntity.DISPATCHER;
        String fifo = !s.fifo()
                ? ""
                : "\n" + dispatcher + ".executor = thread-pool-executor"
                        + "\n" + dispatcher + ".thread-pool-executor.fixed-pool-size = "
                        + Runtime.getRuntime().availableProcessors()
                        + "\n" + dispatcher + ".throughput = " + Math.max(1000, s.learners());
        return ConfigFactory.parseString("driftlab.sweep.in-flight-per-node = " + s.learners()
                        + "\ndriftlab.sweep.pull-batch = " + s.learners()
                        + "\ndriftlab.learner.chunk-size = " + s.chunkSize()
                        + "\ndriftlab.sweep.start-timeout = 5m" + fifo)
                .withFallback(base)
                .resolve();
    }

    /**
     * Starts a one-node embedded cluster with {@link #clusterConfig}{@code (s, base)}, runs the N learners and
     * stops the cluster. Blocks for the whole sweep.
     */
    public static Result run(Settings s, Config base) throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(1, clusterConfig(s, base))) {
            LiveEntities entities = new LiveEntities(cluster.nodes().get(0));
            HeapHistogram before = HeapHistogram.take();
            List<RunSpec> specs = new ArrayList<>(s.learners());
            for (int i = 0; i < s.learners(); i++)
                specs.add(Workloads.spec(s.workload(), s.firstSeed() + i, s.steps()));
            SweepSpec sweep = new SweepSpec(
                    "scale-" + s.workload().id() + "-" + s.learners(),
                    "concurrent learners benchmark: " + s,
                    List.of(),
                    specs);
            specs = null; // the sweep holds the only copy
            CountingSink sink = new CountingSink();
            try (HeapWatch watch = HeapWatch.start()) {
                long start = System.nanoTime();
                CompletableFuture<SweepOutcome> done = cluster.client()
                        .runAsync(sweep, sink, ProgressListener.none())
                        .toCompletableFuture();
                int most = 0;
                int atSample = 0;
                HeapHistogram sample = null;
                long sampleNanos = 0;
                while (!done.isDone()) {
                    // learners alive = entities that exist (cheap to ask), but an entity can wait in its mailbox
                    // long after sharding created it, so, once they look complete or start to fall, also
                    // started (a heap walk) less ended (results stored)
                    int entityCount = entities.count();
                    boolean falling = entityCount < most;
                    int alive = entityCount;
                    if (entityCount >= s.learners() || falling) {
                        alive = (int) Math.min(entityCount, startedLearners() - sink.results());
                    }
                    if (alive >= s.learners() || falling) {
                        // all alive, or the peak is behind us (runs have begun to end): sample now
                        long t0 = System.nanoTime();
                        sample = HeapHistogram.take();
                        sampleNanos = System.nanoTime() - t0;
                        atSample = alive;
                        most = Math.max(most, alive);
                        break;
                    }
                    most = Math.max(most, alive);
                    try {
                        done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException notYet) {
                        // poll again
                    }
                }
                SweepOutcome outcome;
                try {
                    outcome = done.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
                }
                long wall = System.nanoTime() - start;
                boolean completed = outcome.failures().isEmpty() && sink.results() == s.learners();
                return new Result(
                        s,
                        completed,
                        sink.results(),
                        outcome.failures().size(),
                        sink.steps(),
                        wall,
                        sampleNanos,
                        before.totalBytes(),
                        sample == null ? -1 : sample.totalBytes(),
                        sample == null ? most : atSample,
                        watch.peakAfterGcBytes(),
                        HeapWatch.maxHeapBytes(),
                        watch.collections(),
                        sample == null ? List.of() : sample.grownSince(before, 12));
            }
        }
    }
}
