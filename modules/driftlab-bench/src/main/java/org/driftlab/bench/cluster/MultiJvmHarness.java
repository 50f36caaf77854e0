package org.driftlab.bench.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.driftlab.bench.e2e.CoreLoopHarness;
import org.driftlab.bench.e2e.MemorySink;
import org.driftlab.bench.e2e.RoundResult;
import org.driftlab.bench.e2e.Workloads;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepClient;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * Sweep throughput on worker nodes in separate local JVMs ({@link LocalWorkers}), for one or more worker counts:
 * the multi-node target compares 3 worker JVMs with 1 on the same machine. Every count takes the same
 * path — W child JVMs, a client node in this JVM, each round one sweep of N {@link Workloads} learners submitted
 * through the client, results into an in-memory sink (the store is not measured) — so 1 and 3 differ only in W.
 *
 * <p>Timing, as {@code ActorPathHarness}: the clusters are started and Up before any clock; a round is
 * {@link System#nanoTime()} around {@link SweepClient#run} from submission until the last result is in the sink.
 * Warm-up rounds (discarded) let every child JVM compile its hot code; each JVM compiles for itself and sees
 * only 1/W of a round's runs, so W worker JVMs get W × {@code warmupRounds} warm-up rounds: every worker JVM has
 * run {@code warmupRounds} × N learners before the clock starts, whatever W. With several worker counts all clusters
 * are kept up and the rounds are interleaved, the order alternating from round to round (1, 3 then 3, 1 ...),
 * so a drift in the machine's speed (other processes, thermal or host scheduling) falls on every count alike
 * rather than on whichever ran last; an idle cluster costs only heartbeats meanwhile.
 *
 * <p>Seeds and checksums, as {@link CoreLoopHarness}: round k uses seeds {@code firstSeed + k·N …}, warm-up rounds
 * the seeds after the measured ones, and a round's checksum is the digest of its metrics in seed order that
 * {@code CoreLoopHarness} computes, so {@link #verify} can check every count's rounds against the core loop's for
 * the same seeds (DESIGN §3: results do not depend on the number of nodes).
 */
public final class MultiJvmHarness {
    /**
     * What to run: {@code learners} ≥ 1 learners of {@code steps} ≥ 1 steps per round, on clusters of each of
     * {@code workerCounts} (distinct, each ≥ 1) worker JVMs, {@code warmupRounds} ≥ 0 discarded rounds per worker
     * JVM ({@link #warmupRounds(int)}) and {@code rounds} ≥ 1 measured rounds per count, seeds from {@code firstSeed} ≥ 0.
     */
    public record Settings(
            Workload workload,
            int learners,
            long steps,
            List<Integer> workerCounts,
            int warmupRounds,
            int rounds,
            int firstSeed) {
        public Settings {
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (learners < 1) throw new IllegalArgumentException("learners must be >= 1, got " + learners);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (workerCounts == null || workerCounts.isEmpty())
                throw new IllegalArgumentException("workerCounts must name at least one count");
            workerCounts = List.copyOf(workerCounts);
            for (int w : workerCounts)
                if (w < 1) throw new IllegalArgumentException("workerCounts must each be >= 1, got " + workerCounts);
            if (Set.copyOf(workerCounts).size() != workerCounts.size()) {
                throw new IllegalArgumentException("workerCounts must be distinct, got " + workerCounts);
            }
            if (warmupRounds < 0)
                throw new IllegalArgumentException("warm-up rounds must be >= 0, got " + warmupRounds);
            if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
            if (firstSeed < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + firstSeed);
            Math.multiplyExact((long) learners, steps); // learner-steps per round must fit a long
            int most = 0;
            for (int w : workerCounts) most = Math.max(most, w);
            Math.addExact(
                    firstSeed,
                    Math.multiplyExact(
                            Math.addExact(Math.multiplyExact(warmupRounds, most), rounds),
                            learners)); // seeds fit an int
        }

        /** Warm-up rounds of the cluster of {@code workers} JVMs: {@code warmupRounds × workers}, the same work per JVM. */
        public int warmupRounds(int workers) {
            return warmupRounds * workers;
        }

        /** The core-loop settings that run the same learners (same seeds per measured round) on {@code threads} threads. */
        public CoreLoopHarness.Settings coreLoop(int chunkSize, int threads) {
            return new CoreLoopHarness.Settings(workload, learners, steps, chunkSize, threads, 0, rounds, firstSeed);
        }
    }

    /**
     * The measured rounds of one worker count: wall nanoseconds and checksum of each round, runs per worker
     * JVM summed over the measured rounds (keyed by "host:port" in start order), and each worker JVM's CPU
     * nanoseconds summed over the measured rounds, each read just before and after the round (-1 if the OS does
     * not report it).
     */
    public record CountResult(
            int workers,
            long learnerSteps,
            long[] roundNanos,
            long[] checksums,
            Map<String, Integer> runsPerWorker,
            long[] workerCpuNanos) {
        /** Learner-steps per second of each round. A fresh array. */
        public double[] stepsPerSecond() {
            double[] r = new double[roundNanos.length];
            for (int k = 0; k < r.length; k++) r[k] = learnerSteps / (roundNanos[k] / 1e9);
            return r;
        }

        /** The median of {@link #stepsPerSecond()} (the mean of the middle two for an even count). */
        public double medianStepsPerSecond() {
            return median(stepsPerSecond());
        }

        /**
         * CPU nanoseconds all worker JVMs spent per learner-step over the measured rounds (NaN when the OS does not
         * report a child's CPU time). Unlike wall time it does not depend on the share of a busy machine the JVMs
         * get, which grows with their number of threads; it does include their JIT, GC and remoting threads.
         */
        public double cpuNanosPerStep() {
            long total = 0;
            for (long c : workerCpuNanos) {
                if (c < 0) return Double.NaN;
                total += c;
            }
            return (double) total / (learnerSteps * (double) roundNanos.length);
        }
    }

    /** Where the measurement stands, for the caller to print (this class does not). Called on the measuring thread. */
    public interface Listener {
        /** A cluster of {@code workers} worker JVMs is Up, after {@code startNanos}. */
        default void clusterUp(int workers, LocalWorkers cluster, long startNanos) {}

        /**
         * Round {@code round} (0-based within warm-up or measured rounds) on {@code workers} JVMs took {@code nanos}
         * wall time and its worker JVMs {@code cpuNanosPerStep} CPU per learner-step (NaN if unknown).
         */
        default void roundDone(
                int workers, boolean warmup, int round, long nanos, double stepsPerSecond, double cpuNanosPerStep) {}
    }

    /** Starts a cluster of W worker JVMs ({@code bench jvms}: {@link LocalWorkers#start} with its node command and log directory). */
    @FunctionalInterface
    public interface ClusterStarter {
        LocalWorkers start(int workers) throws Exception;
    }

    private MultiJvmHarness() {}

    /**
     * Starts one cluster per worker count, runs the warm-up then the measured rounds (interleaved across counts),
     * stops every cluster (also on failure) and returns one result per count, in the order of
     * {@code workerCounts}. IllegalStateException when a round is incomplete or two counts' checksums for the
     * same round differ.
     */
    public static List<CountResult> run(Settings s, ClusterStarter starter, Listener listener) throws Exception {
        int c = s.workerCounts().size();
        List<LocalWorkers> clusters = new ArrayList<>();
        try {
            for (int w : s.workerCounts()) {
                long t0 = System.nanoTime();
                LocalWorkers cluster = starter.start(w);
                clusters.add(cluster);
                listener.clusterUp(w, cluster, System.nanoTime() - t0);
            }
            int mostWarmup = 0;
            for (int w : s.workerCounts()) mostWarmup = Math.max(mostWarmup, s.warmupRounds(w));
            for (int k = 0; k < mostWarmup; k++) {
                for (int j : order(c, k)) {
                    int w = s.workerCounts().get(j);
                    if (k >= s.warmupRounds(w)) continue;
                    long[] cpu = new long[w];
                    long[] before = clusters.get(j).cpuNanos();
                    Round r = round(clusters.get(j), s, s.firstSeed() + (s.rounds() + k) * s.learners());
                    addCpu(cpu, before, clusters.get(j).cpuNanos());
                    listener.roundDone(w, true, k, r.nanos, rate(s, r.nanos), cpuPerStep(s, cpu));
                }
            }
            long[][] nanos = new long[c][s.rounds()];
            long[][] sums = new long[c][s.rounds()];
            List<Map<String, Integer>> runs = new ArrayList<>();
            long[][] cpu = new long[c][];
            for (int j = 0; j < c; j++) {
                Map<String, Integer> m = new LinkedHashMap<>();
                for (String hp : clusters.get(j).workerHostPorts()) m.put(hp, 0);
                runs.add(m);
                cpu[j] = new long[s.workerCounts().get(j)];
            }
            for (int k = 0; k < s.rounds(); k++) {
                for (int j : order(c, k)) {
                    int w = s.workerCounts().get(j);
                    // CPU around this round only: an idle cluster's CPU while the other count runs is not its work
                    long[] before = clusters.get(j).cpuNanos();
                    Round r = round(clusters.get(j), s, s.firstSeed() + k * s.learners());
                    long[] used = new long[w];
                    addCpu(used, before, clusters.get(j).cpuNanos());
                    addCpu(cpu[j], new long[w], used);
                    nanos[j][k] = r.nanos;
                    sums[j][k] = r.checksum;
                    for (RunResult result : r.results) runs.get(j).merge(hostPort(result.node()), 1, Integer::sum);
                    listener.roundDone(w, false, k, r.nanos, rate(s, r.nanos), cpuPerStep(s, used));
                }
                for (int j = 1; j < c; j++) {
                    if (sums[j][k] != sums[0][k]) {
                        throw new IllegalStateException("round " + k + ": metrics on "
                                + s.workerCounts().get(j) + " worker JVMs differ from "
                                + s.workerCounts().get(0) + " (checksum " + sums[j][k] + " vs " + sums[0][k] + ")");
                    }
                }
            }
            List<CountResult> results = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                results.add(new CountResult(
                        s.workerCounts().get(j),
                        Math.multiplyExact((long) s.learners(), s.steps()),
                        nanos[j],
                        sums[j],
                        Collections.unmodifiableMap(runs.get(j)),
                        cpu[j])); // start order kept
            }
            return results;
        } finally {
            closeAll(clusters);
        }
    }

    /**
     * IllegalStateException unless every count's round checksums equal the core loop's for the same seeds
     * ({@code coreLoop} from {@link Settings#coreLoop}); otherwise returns normally.
     */
    public static void verify(List<CountResult> results, CoreLoopHarness.Result coreLoop) {
        for (CountResult r : results) {
            if (!Arrays.equals(r.checksums(), coreLoop.checksums())) {
                throw new IllegalStateException("metrics on " + r.workers()
                        + " worker JVMs differ from the core loop's for the same seeds: checksums "
                        + Arrays.toString(r.checksums()) + " vs " + Arrays.toString(coreLoop.checksums()));
            }
        }
    }

    /** total[i] += after[i] - before[i]; -1 (unknown) once either reading of JVM i is -1. */
    private static void addCpu(long[] total, long[] before, long[] after) {
        for (int i = 0; i < total.length; i++) {
            total[i] = total[i] < 0 || before[i] < 0 || after[i] < 0 ? -1 : total[i] + after[i] - before[i];
        }
    }

    /**
     * The "host:port" of a run's node as {@link RunResult#node()} names it ("host:port#uid", the worker's
     * incarnation): each worker JVM of a bench cluster is started once, so its address names it.
     */
    static String hostPort(String node) {
        int uid = node.indexOf('#');
        return uid < 0 ? node : node.substring(0, uid);
    }

    /** Indices 0..c-1 for round k: forwards on even rounds, backwards on odd ones. */
    static int[] order(int c, int k) {
        int[] o = new int[c];
        for (int j = 0; j < c; j++) o[j] = k % 2 == 0 ? j : c - 1 - j;
        return o;
    }

    static double median(double[] values) {
        double[] r = values.clone();
        Arrays.sort(r);
        int m = r.length / 2;
        return r.length % 2 == 1 ? r[m] : 0.5 * (r[m - 1] + r[m]);
    }

    private static double cpuPerStep(Settings s, long[] cpu) {
        long total = 0;
        for (long c : cpu) {
            if (c < 0) return Double.NaN;
            total += c;
        }
        return total / ((double) s.learners() * s.steps());
    }

    private static double rate(Settings s, long nanos) {
        return (double) s.learners() * s.steps() / (nanos / 1e9);
    }

    private record Round(long nanos, long checksum, List<RunResult> results) {}

    private static Round round(LocalWorkers cluster, Settings s, int seed0) throws Exception {
        List<RunSpec> specs = new ArrayList<>(s.learners());
        for (int i = 0; i < s.learners(); i++) specs.add(Workloads.spec(s.workload(), seed0 + i, s.steps()));
        SweepSpec sweep = new SweepSpec(
                "bench-jvms-" + s.workload().id() + "-" + seed0,
                "benchmark workload " + s.workload().id() + " on worker JVMs, seeds from " + seed0,
                List.of(),
                specs);
        MemorySink sink = new MemorySink();
        SweepClient client = cluster.sweepClient();
        long start = System.nanoTime();
        SweepOutcome outcome = client.run(sweep, sink, ProgressListener.none());
        long nanos = System.nanoTime() - start;
        List<RunResult> inSeedOrder = sink.inSeedOrder(outcome, s.learners());
        return new Round(nanos, RoundResult.checksum(inSeedOrder), inSeedOrder);
    }

    private static void closeAll(List<LocalWorkers> clusters) {
        RuntimeException first = null;
        for (int i = clusters.size() - 1; i >= 0; i--) {
            try {
                clusters.get(i).close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
