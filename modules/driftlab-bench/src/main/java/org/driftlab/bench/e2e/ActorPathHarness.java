package org.driftlab.bench.e2e;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.cluster.learner.LearnerSettings;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.cluster.sweep.SweepSettings;
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
 * {@link System#nanoTime()} and the process CPU time around {@code SweepClient.run} from submission until the last
 * result is in the sink. A {@link Session} keeps one cluster up across many rounds, so {@link PathComparison} can
 * interleave them with the core loop's; {@link #run} is the standalone form (warm-up rounds first, discarded). Round k
 * uses seeds {@code firstSeed + k·N …} as {@link CoreLoopHarness} does, and its checksum is the same digest of the
 * metrics in seed order ({@link RoundResult#checksum}), so a round's checksum equals the core loop's for the same
 * seeds at any chunk size (determinism, DESIGN §3, §9).
 *
 * <p>The chunk size K and the coordinator's in-flight window are the cluster's own settings
 * ({@value #CHUNK_SIZE_KEY}, {@value #IN_FLIGHT_KEY}) read from the config the cluster starts with;
 * {@link #withChunkAndInFlight} overrides them.
 */
public final class ActorPathHarness {
    /** What to run: as {@link CoreLoopHarness.Settings}, plus the number of in-process cluster nodes. */
    public record Settings(
            Workload workload, int learners, long steps, int nodes, int warmupRounds, int rounds, int firstSeed) {
        public Settings {
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (learners < 1) throw new IllegalArgumentException("learners must be >= 1, got " + learners);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (nodes < 1) throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
            if (warmupRounds < 0)
                throw new IllegalArgumentException("warm-up rounds must be >= 0, got " + warmupRounds);
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

    /** The config key of the actor path's chunk size K (driftlab-cluster's reference.conf). */
    public static final String CHUNK_SIZE_KEY = "driftlab.learner.chunk-size";

    /** The config key of the coordinator's window of runs in flight per node (driftlab-cluster's reference.conf). */
    public static final String IN_FLIGHT_KEY = "driftlab.sweep.in-flight-per-node";

    private ActorPathHarness() {}

    /**
     * {@code base} with {@link #CHUNK_SIZE_KEY} set to {@code chunkSize} and {@link #IN_FLIGHT_KEY} to
     * {@code inFlightPerNode} where given (empty: {@code base}'s value stays). IllegalArgumentException for a
     * given value below 1. Allocates a new config; {@code base} is not modified.
     */
    public static Config withChunkAndInFlight(Config base, OptionalInt chunkSize, OptionalInt inFlightPerNode) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (chunkSize.isPresent()) {
            if (chunkSize.getAsInt() < 1)
                throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize.getAsInt());
            overrides.put(CHUNK_SIZE_KEY, chunkSize.getAsInt());
        }
        if (inFlightPerNode.isPresent()) {
            if (inFlightPerNode.getAsInt() < 1) {
                throw new IllegalArgumentException(
                        "in-flight runs per node must be >= 1, got " + inFlightPerNode.getAsInt());
            }
            overrides.put(IN_FLIGHT_KEY, inFlightPerNode.getAsInt());
        }
        return ConfigFactory.parseMap(overrides, "driftlab bench options").withFallback(base);
    }

    /**
     * An embedded cluster kept up across many rounds, so rounds of the actor path can be interleaved with rounds
     * of the other paths without paying cluster start-up each time. Not thread-safe: one round at a time.
     * {@link #close} stops the cluster.
     */
    public static final class Session implements AutoCloseable {
        private final EmbeddedCluster cluster;
        private final int nodes;
        private final int chunkSize;
        private final int inFlightPerNode;
        private int sweeps;

        private Session(EmbeddedCluster cluster, int nodes, int chunkSize, int inFlightPerNode) {
            this.cluster = cluster;
            this.nodes = nodes;
            this.chunkSize = chunkSize;
            this.inFlightPerNode = inFlightPerNode;
        }

        /**
         * Starts {@code nodes} ≥ 1 nodes configured by {@code clusterConfig} (it must carry driftlab-cluster's
         * settings) and returns once all are Up. The chunk size and in-flight window are read from that config
         * (and validated as the nodes validate them).
         */
        public static Session start(int nodes, Config clusterConfig) throws Exception {
            if (nodes < 1) throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
            int k = LearnerSettings.fromConfig(clusterConfig.getConfig("driftlab.learner"))
                    .chunkSize();
            int inFlight = SweepSettings.fromConfig(clusterConfig.getConfig("driftlab.sweep"))
                    .inFlightPerNode();
            return new Session(EmbeddedCluster.start(nodes, clusterConfig), nodes, k, inFlight);
        }

        /** Nodes of the cluster. */
        public int nodes() {
            return nodes;
        }

        /** K, the chunk size every learner entity of this cluster runs with. */
        public int chunkSize() {
            return chunkSize;
        }

        /** The coordinator's window of runs dispatched and not yet stored, per node. */
        public int inFlightPerNode() {
            return inFlightPerNode;
        }

        /**
         * One timed round: {@code specs} (distinct run ids, not modified) as one sweep, from submission until
         * the last result is in an in-memory sink. Wall and process CPU time; the checksum over the results in
         * seed order. IllegalStateException when a run failed or a result is missing.
         */
        public RoundResult round(List<RunSpec> specs) throws Exception {
            if (specs.isEmpty()) throw new IllegalArgumentException("specs must not be empty");
            long learnerSteps = 0;
            for (RunSpec spec : specs) learnerSteps = Math.addExact(learnerSteps, spec.steps());
            String id = "bench-" + (++sweeps) + "-" + specs.get(0).runId();
            SweepSpec sweep = new SweepSpec(
                    id,
                    "benchmark round " + sweeps + ", " + specs.size() + " runs from "
                            + specs.get(0).runId(),
                    List.of(),
                    specs);
            MemorySink sink = new MemorySink();
            long cpu0 = RoundResult.processCpuNanosNow();
            long start = System.nanoTime();
            SweepOutcome outcome = cluster.client().run(sweep, sink, ProgressListener.none());
            long nanos = System.nanoTime() - start;
            long cpu1 = RoundResult.processCpuNanosNow();
            List<RunResult> inSeedOrder = sink.inSeedOrder(outcome, specs.size());
            return new RoundResult(
                    nanos, RoundResult.cpuBetween(cpu0, cpu1), RoundResult.checksum(inSeedOrder), learnerSteps);
        }

        @Override
        public void close() {
            cluster.close();
        }
    }

    /**
     * Starts an embedded cluster with {@code clusterConfig} (it must carry driftlab-cluster's settings), runs
     * the warm-up and measured rounds, and stops the cluster. IllegalStateException when a run fails or, given
     * {@code coreLoop} (same workload, learners, steps, seeds), when a round's checksum differs from it.
     */
    public static Result run(Settings s, Config clusterConfig, CoreLoopHarness.Result coreLoop) throws Exception {
        try (Session session = Session.start(s.nodes(), clusterConfig)) {
            for (int k = 0; k < s.warmupRounds(); k++) {
                session.round(CoreLoopHarness.specs(
                        s.workload(), s.learners(), s.steps(), s.firstSeed() + (s.rounds() + k) * s.learners()));
            }
            long[] nanos = new long[s.rounds()];
            long[] sums = new long[s.rounds()];
            for (int k = 0; k < s.rounds(); k++) {
                RoundResult r = session.round(
                        CoreLoopHarness.specs(s.workload(), s.learners(), s.steps(), s.firstSeed() + k * s.learners()));
                nanos[k] = r.wallNanos();
                sums[k] = r.checksum();
                if (coreLoop != null && k < coreLoop.checksums().length && coreLoop.checksums()[k] != sums[k]) {
                    throw new IllegalStateException(
                            "round " + k + ": actor-path metrics differ from the core loop's (checksum " + sums[k]
                                    + " vs " + coreLoop.checksums()[k] + ")");
                }
            }
            return new Result(s, Math.multiplyExact(s.learners(), s.steps()), nanos, sums);
        }
    }
}
