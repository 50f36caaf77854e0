package org.driftlab.bench.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.core.spec.RunSpec;

/**
 * The three paths of the performance issue measured in paired, interleaved rounds, so that the machine's
 * drifting speed (a shared, noisy VM) and the JIT's compilation order hit each path alike: (a) the core loop
 * on one thread, (b) the core loop on a pool, (c) the actor path on an embedded cluster that stays up across
 * all rounds ({@link ActorPathHarness.Session}). Round k builds one list of runs (seeds {@code firstSeed + k·N …})
 * and runs it on all three paths back to back, in the order {@link #order(int)} (rotated by k); a ratio such
 * as (c)/(b) is then taken within each round, where both paths saw nearly the same machine, and summarised by
 * its median and range over the rounds. Warm-up rounds are the same, with seeds after the measured ones, and are
 * discarded. Every round's three checksums must agree (determinism, DESIGN §3), else IllegalStateException.
 *
 * <p>The core loop uses the session's chunk size K, so (a), (b) and (c) always compare at the same K.
 */
public final class PathComparison {
    /** The three paths, in the order. */
    public enum Path {
        /** (a) the core loop, one learner after another on one thread. */
        SINGLE("a"),
        /** (b) the core loop on a fixed pool, one task per learner. */
        POOL("b"),
        /** (c) the full actor path: one sweep on the embedded cluster. */
        ACTORS("c");

        private final String letter;

        Path(String letter) {
            this.letter = letter;
        }

        /** a, b or c. */
        public String letter() {
            return letter;
        }
    }

    /**
     * What to run: {@code learners} ≥ 1 learners of {@code steps} ≥ 1 steps per round and path, (b) on
     * {@code poolThreads} ≥ 1 threads, {@code warmupRounds} ≥ 0 discarded and {@code rounds} ≥ 1 measured rounds,
     * seeds from {@code firstSeed} ≥ 0, the belief pruned at {@code prune} in [0, 1) (0 = exact).
     */
    public record Settings(
            Workload workload,
            int learners,
            long steps,
            int poolThreads,
            int warmupRounds,
            int rounds,
            int firstSeed,
            double prune) {
        /** The workload's default prune tolerance ({@link Workloads#PRUNE}). */
        public Settings(
                Workload workload,
                int learners,
                long steps,
                int poolThreads,
                int warmupRounds,
                int rounds,
                int firstSeed) {
            this(workload, learners, steps, poolThreads, warmupRounds, rounds, firstSeed, Workloads.PRUNE);
        }

        public Settings {
            if (!(prune >= 0 && prune < 1)) throw new IllegalArgumentException("prune must be in [0, 1), got " + prune);
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (learners < 1) throw new IllegalArgumentException("learners must be >= 1, got " + learners);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (poolThreads < 1) throw new IllegalArgumentException("pool threads must be >= 1, got " + poolThreads);
            if (warmupRounds < 0)
                throw new IllegalArgumentException("warm-up rounds must be >= 0, got " + warmupRounds);
            if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
            if (firstSeed < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + firstSeed);
            // every seed of every round (warm-up ones after the measured ones) must fit an int
            long lastSeed = firstSeed + (long) (rounds + warmupRounds) * learners - 1;
            if (lastSeed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "first seed + (rounds + warm-up rounds) x learners must fit an int, got last seed " + lastSeed);
            }
        }

        /** Seed of round {@code k}'s first learner: measured rounds 0 … rounds−1, then the warm-up rounds. */
        int firstSeedOf(int k, boolean warmup) {
            return firstSeed + (warmup ? rounds + k : k) * learners;
        }
    }

    /** Told of each round as it ends (for progress output); called on the thread that runs the comparison. */
    @FunctionalInterface
    public interface RoundListener {
        /**
         * Round {@code k} (counted separately for warm-up and measured rounds) ran its paths in {@code order};
         * {@code byPath[p.ordinal()]} is path p's result. Neither array may be kept or modified.
         */
        void roundEnded(int k, boolean warmup, Path[] order, RoundResult[] byPath);

        /** Ignores every round. */
        static RoundListener none() {
            return (k, warmup, order, byPath) -> {};
        }
    }

    /**
     * The measured rounds: {@code rounds[p.ordinal()][k]} is path p in round k, which ran in
     * {@code orders[k]}; {@code chunkSize} K and {@code inFlightPerNode} as used by every path, {@code nodes}
     * the cluster's node count; {@code idleCpuCores} the process CPU time per wall second while idle (cluster up,
     * no work) over {@link #IDLE_NANOS} just before the measured rounds, i.e. the background that every round's CPU
     * time includes, in cores (NaN when unknown). Arrays are owned by the result; do not modify them.
     */
    public record Result(
            Settings settings,
            int chunkSize,
            int inFlightPerNode,
            int nodes,
            double idleCpuCores,
            Path[][] orders,
            RoundResult[][] rounds) {
        /** Path p's learner-steps per second in each round. A fresh array. */
        public double[] stepsPerSecond(Path p) {
            RoundResult[] r = rounds[p.ordinal()];
            double[] v = new double[r.length];
            for (int k = 0; k < v.length; k++) v[k] = r[k].stepsPerSecond();
            return v;
        }

        /** Path p's process CPU nanoseconds per learner-step in each round (NaN where unknown). A fresh array. */
        public double[] cpuNanosPerStep(Path p) {
            RoundResult[] r = rounds[p.ordinal()];
            double[] v = new double[r.length];
            for (int k = 0; k < v.length; k++) v[k] = r[k].cpuNanosPerStep();
            return v;
        }

        /** Per round, the rate of {@code numerator} over the rate of {@code denominator} in that round. */
        public double[] rateRatios(Path numerator, Path denominator) {
            double[] n = stepsPerSecond(numerator);
            double[] d = stepsPerSecond(denominator);
            for (int k = 0; k < n.length; k++) n[k] /= d[k];
            return n;
        }

        /** Per round, CPU per learner-step of {@code numerator} over that of {@code denominator} (> 1: more CPU per step). */
        public double[] cpuRatios(Path numerator, Path denominator) {
            double[] n = cpuNanosPerStep(numerator);
            double[] d = cpuNanosPerStep(denominator);
            for (int k = 0; k < n.length; k++) n[k] /= d[k];
            return n;
        }
    }

    /** How long the idle process's CPU time is measured, in nanoseconds (1 s: 100 ticks of Linux's 10 ms accounting). */
    public static final long IDLE_NANOS = 1_000_000_000L;

    private PathComparison() {}

    /**
     * The order of round k: (a, b, c), then (b, c, a), then (c, a, b), repeating, so each path runs first,
     * second and last equally often over every three rounds. A fresh array.
     */
    public static Path[] order(int k) {
        if (k < 0) throw new IllegalArgumentException("round must be >= 0, got " + k);
        Path[] all = Path.values();
        Path[] o = new Path[all.length];
        for (int i = 0; i < all.length; i++) o[i] = all[(i + k) % all.length];
        return o;
    }

    /**
     * Runs the warm-up and measured rounds of {@code s}, (c) on {@code actors} (left running: the caller closes
     * it), (a) and (b) with its chunk size. Allocates a pool of {@code s.poolThreads()} threads for (b), shut
     * down before returning. IllegalStateException when a run fails or the paths' checksums differ in a round.
     */
    public static Result run(Settings s, ActorPathHarness.Session actors, RoundListener listener) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(s.poolThreads());
        try {
            for (int k = 0; k < s.warmupRounds(); k++) {
                Path[] o = order(k);
                listener.roundEnded(
                        k, true, o, round(s, actors, pool, s.firstSeedOf(k, true), o, "warm-up round " + (k + 1)));
            }
            double idle = idleCpuCores();
            Path[][] orders = new Path[s.rounds()][];
            RoundResult[][] byPath = new RoundResult[Path.values().length][s.rounds()];
            for (int k = 0; k < s.rounds(); k++) {
                orders[k] = order(k);
                RoundResult[] r = round(s, actors, pool, s.firstSeedOf(k, false), orders[k], "round " + (k + 1));
                for (Path p : Path.values()) byPath[p.ordinal()][k] = r[p.ordinal()];
                listener.roundEnded(k, false, orders[k], r);
            }
            return new Result(s, actors.chunkSize(), actors.inFlightPerNode(), actors.nodes(), idle, orders, byPath);
        } finally {
            pool.shutdownNow();
        }
    }

    // process CPU per wall nanosecond while this thread sleeps for IDLE_NANOS
    private static double idleCpuCores() throws InterruptedException {
        long cpu0 = RoundResult.processCpuNanosNow();
        long start = System.nanoTime();
        Thread.sleep(IDLE_NANOS / 1_000_000);
        long wall = System.nanoTime() - start;
        long cpu = RoundResult.cpuBetween(cpu0, RoundResult.processCpuNanosNow());
        return cpu < 0 ? Double.NaN : (double) cpu / wall;
    }

    // one round: the same runs on every path in the given order; results indexed by path
    private static RoundResult[] round(
            Settings s, ActorPathHarness.Session actors, ExecutorService pool, int seed0, Path[] order, String name)
            throws Exception {
        List<RunSpec> specs = CoreLoopHarness.specs(s.workload(), s.learners(), s.steps(), seed0, s.prune());
        RoundResult[] r = new RoundResult[Path.values().length];
        for (Path p : order) {
            r[p.ordinal()] = switch (p) {
                case SINGLE -> CoreLoopHarness.round(specs, actors.chunkSize(), null);
                case POOL -> CoreLoopHarness.round(specs, actors.chunkSize(), pool);
                case ACTORS -> actors.round(specs);
            };
        }
        List<String> differ = new ArrayList<>();
        for (Path p : Path.values()) {
            if (r[p.ordinal()].checksum() != r[0].checksum()) differ.add("(" + p.letter() + ")");
        }
        if (!differ.isEmpty()) {
            long[] sums = new long[r.length];
            for (int i = 0; i < r.length; i++) sums[i] = r[i].checksum();
            throw new IllegalStateException(
                    name + " (seeds from " + seed0 + "): metrics of " + String.join(", ", differ)
                            + " differ from (a)'s; checksums (a), (b), (c) = " + Arrays.toString(sums));
        }
        return r;
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN for none. Not modified. */
    public static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    /** The smallest of {@code values} ≥ 1 element. */
    public static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** The largest of {@code values} ≥ 1 element. */
    public static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
