package org.driftlab.bench.e2e;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * The end-to-end throughput of the full actor path (path (c) of the performance issue): N learners of a
 * {@link Workloads} workload submitted as one sweep to an embedded cluster, so each runs as a sharded
 * {@code LearnerEntity} with its belief actor, chunking and rollback, coordinator dispatch with its in-flight
 * window, and result delivery to the submitter. Results go to an in-memory sink, so the figure excludes the
 * DuckDB store (measured separately) and includes everything the cluster adds to the core loop.
 *
 * <p>How it is timed: the cluster is started (and every node Up) before the clock; each round is one sweep,
 * {@link System#nanoTime()} around {@code SweepClient.run} from submission until the last result is in the sink.
 * Warm-up rounds run first and are discarded. Round k uses seeds {@code firstSeed + k·N …} as
 * {@link CoreLoopBench} does, and its checksum is the same digest of the metrics in seed order, so a round's
 * checksum equals the core loop's for the same seeds (determinism, DESIGN §3), which {@link #run} checks
 * against the core loop when given its result.
 */
public final class ActorPathBench {
    /** What to run: as {@link CoreLoopBench.Settings}, plus the number of in-process cluster nodes. */
    public record Settings(Workload workload, int learners, long steps, int nodes, int warmupRounds, int rounds, int firstSeed) {
        public Settings {
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (learners < 1) throw new IllegalArgumentException("learners must be >= 1, got " + learners);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (nodes < 1) throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
            if (warmupRounds < 0) throw new IllegalArgumentException("warm-up rounds must be >= 0, got " + warmupRounds);
            if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
            if (firstSeed < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + firstSeed);
        }
    }

    /** Measured rounds: wall nanoseconds and metrics checksum of each; N × steps learner-steps per round. */
    public record Result(Settings settings, long learnerSteps, long[] roundNanos, long[] checksums) {
        /** The median over rounds of learner-steps per second. */
        public double medianStepsPerSecond() {
            double[] r = new double[roundNanos.length];
            for (int k = 0; k < r.length; k++) r[k] = learnerSteps / (roundNanos[k] / 1e9);
            java.util.Arrays.sort(r);
            int m = r.length / 2;
            return r.length % 2 == 1 ? r[m] : 0.5 * (r[m - 1] + r[m]);
        }
    }

    private ActorPathBench() {}

    /**
     * Starts an embedded cluster with {@code clusterConfig} (it must carry driftlab-cluster's settings), runs
     * the warm-up and measured rounds, and stops the cluster. IllegalStateException when a run fails or, given
     * {@code coreLoop} (same workload, learners, steps, seeds), when a round's checksum differs from it.
     */
    public static Result run(Settings s, Config clusterConfig, CoreLoopBench.Result coreLoop) throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(s.nodes(), clusterConfig)) {
            for (int k = 0; k < s.warmupRounds(); k++) round(cluster, s, s.firstSeed() + (s.rounds() + k) * s.learners());
            long[] nanos = new long[s.rounds()];
            long[] sums = new long[s.rounds()];
            for (int k = 0; k < s.rounds(); k++) {
                long[] timed = round(cluster, s, s.firstSeed() + k * s.learners());
                nanos[k] = timed[0];
                sums[k] = timed[1];
                if (coreLoop != null && k < coreLoop.checksums().length && coreLoop.checksums()[k] != sums[k]) {
                    throw new IllegalStateException("round " + k + ": actor-path metrics differ from the core loop's (checksum "
                            + sums[k] + " vs " + coreLoop.checksums()[k] + ")");
                }
            }
            return new Result(s, Math.multiplyExact(s.learners(), s.steps()), nanos, sums);
        }
    }

    // returns {wall nanos, checksum}
    private static long[] round(EmbeddedCluster cluster, Settings s, int seed0) throws Exception {
        List<RunSpec> specs = new ArrayList<>(s.learners());
        for (int i = 0; i < s.learners(); i++) specs.add(Workloads.spec(s.workload(), seed0 + i, s.steps()));
        SweepSpec sweep = new SweepSpec("bench-" + s.workload().id() + "-" + seed0,
                "benchmark workload " + s.workload().id() + ", seeds from " + seed0, List.of(), specs);
        MemorySink sink = new MemorySink();
        long start = System.nanoTime();
        SweepOutcome outcome = cluster.client().run(sweep, sink, ProgressListener.none());
        long nanos = System.nanoTime() - start;
        if (!outcome.failures().isEmpty() || sink.results.size() != s.learners()) {
            throw new IllegalStateException("benchmark sweep incomplete: " + sink.results.size() + " of " + s.learners()
                    + " results, failures " + outcome.failures());
        }
        List<RunResult> inSeedOrder = new ArrayList<>(sink.results);
        inSeedOrder.sort(Comparator.comparingInt(RunResult::seed));
        long sum = 17; // the same digest as CoreLoopBench, so the two paths compare
        for (RunResult r : inSeedOrder) sum = 31 * sum + r.metrics().hashCode();
        return new long[] {nanos, sum};
    }

    /** Keeps results in memory: the benchmark measures the cluster, not the store. */
    private static final class MemorySink implements ResultSink {
        final ConcurrentLinkedQueue<RunResult> results = new ConcurrentLinkedQueue<>();

        @Override public void beginSweep(SweepSpec sweep) { }

        @Override public Set<String> storedRunIds(SweepSpec sweep) { return Set.of(); }

        @Override public void accept(RunSpec spec, RunResult result) { results.add(result); }

        @Override public void close() { }
    }
}
