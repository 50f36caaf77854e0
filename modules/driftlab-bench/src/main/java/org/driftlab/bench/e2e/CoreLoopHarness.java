package org.driftlab.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;

/**
 * The end-to-end core-loop throughput: N learners of a {@link Workloads} workload, each run to the end by
 * {@link Simulation#run(RunSpec, int)} (learner, belief, resets with chunk rollback, metrics; no actors), (a) one
 * after another on the calling thread and (b) on a fixed pool of one thread per core, one task per learner.
 *
 * <p>How it is timed: {@link System#nanoTime()} around a whole batch of N learners (for the pool, from the
 * first submit until the last result is in, so pool start-up is excluded but scheduling and the slowest
 * learner are included). Building the run specs happens before the clock starts; building each learner (its
 * stream, H, the belief's tables) is inside, as it is in a real sweep. {@code warmupRounds} batches are run
 * first and discarded (JIT compilation to C2, class loading), then {@code rounds} measured batches; the
 * figure is learner-steps per second = N × steps / batch seconds, reported per round with the median. Seeds
 * differ between rounds (round k uses seeds {@code firstSeed + k·N …}), so no round repeats another's
 * work; warm-up rounds use seeds after the measured ones.
 *
 * <p>The machine may be shared, so each learner's thread CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}
 * around its run) is summed too: CPU nanoseconds per learner-step are not inflated by time slices lost to other
 * processes, as wall time is (cache and memory-bandwidth contention still show in both).
 *
 * <p>{@link #round} is one such batch over given specs, timed by wall and process CPU time: the unit
 * {@link PathComparison} interleaves with the actor path's rounds.
 *
 * <p>Each round also returns a checksum of its learners' metrics; single-thread and pool rounds with the same
 * seeds run identical learners (determinism, DESIGN §3), so their checksums must agree, which
 * {@link #compare} checks.
 */
public final class CoreLoopHarness {
    /**
     * What to run: {@code learners} ≥ 1 learners of {@code steps} ≥ 1 steps in chunks of {@code chunkSize} ≥ 1,
     * {@code threads} ≥ 1 (1 = on the calling thread), after {@code warmupRounds} ≥ 0 discarded batches,
     * {@code rounds} ≥ 1 measured batches.
     */
    public record Settings(
            Workload workload,
            int learners,
            long steps,
            int chunkSize,
            int threads,
            int warmupRounds,
            int rounds,
            int firstSeed,
            double prune) {
        /** The workload's default prune tolerance ({@link Workloads#PRUNE}). */
        public Settings(
                Workload workload,
                int learners,
                long steps,
                int chunkSize,
                int threads,
                int warmupRounds,
                int rounds,
                int firstSeed) {
            this(workload, learners, steps, chunkSize, threads, warmupRounds, rounds, firstSeed, Workloads.PRUNE);
        }

        public Settings {
            if (!(prune >= 0 && prune < 1)) throw new IllegalArgumentException("prune must be in [0, 1), got " + prune);
            if (workload == null) throw new IllegalArgumentException("workload must be given");
            if (learners < 1) throw new IllegalArgumentException("learners must be >= 1, got " + learners);
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            if (warmupRounds < 0)
                throw new IllegalArgumentException("warm-up rounds must be >= 0, got " + warmupRounds);
            if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
            if (firstSeed < 0) throw new IllegalArgumentException("first seed must be >= 0, got " + firstSeed);
        }

        /** The same settings with {@code threads} threads. */
        public Settings withThreads(int threads) {
            return new Settings(workload, learners, steps, chunkSize, threads, warmupRounds, rounds, firstSeed, prune);
        }
    }

    /**
     * Measured batches: {@code roundNanos[k]} the wall time of round k, {@code roundCpuNanos[k]} the CPU time
     * its learners' threads spent in their runs, {@code checksums[k]} a digest of its learners' metrics
     * (identical across thread counts), {@code learnerSteps} = N × steps per round.
     */
    public record Result(
            Settings settings, long learnerSteps, long[] roundNanos, long[] roundCpuNanos, long[] checksums) {
        /** The median over rounds of CPU nanoseconds per learner-step. */
        public double medianCpuNanosPerStep() {
            double[] c = new double[roundCpuNanos.length];
            for (int k = 0; k < c.length; k++) c[k] = (double) roundCpuNanos[k] / learnerSteps;
            Arrays.sort(c);
            int m = c.length / 2;
            return c.length % 2 == 1 ? c[m] : 0.5 * (c[m - 1] + c[m]);
        }

        /** Learner-steps per second of each round. A fresh array. */
        public double[] stepsPerSecond() {
            double[] r = new double[roundNanos.length];
            for (int k = 0; k < r.length; k++) r[k] = learnerSteps / (roundNanos[k] / 1e9);
            return r;
        }

        /** The median of {@link #stepsPerSecond()} (the mean of the middle two for an even count). */
        public double medianStepsPerSecond() {
            double[] r = stepsPerSecond();
            Arrays.sort(r);
            int m = r.length / 2;
            return r.length % 2 == 1 ? r[m] : 0.5 * (r[m - 1] + r[m]);
        }

        /** Median wall nanoseconds per learner-step (the inverse of the median rate). */
        public double medianNanosPerStep() {
            return 1e9 / medianStepsPerSecond();
        }
    }

    private CoreLoopHarness() {}

    /** Runs the warm-up and measured batches of {@code settings}. Allocates the learners and, for threads > 1, a pool. */
    public static Result run(Settings settings) {
        int n = settings.learners();
        int rounds = settings.rounds();
        ExecutorService pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads()) : null;
        try {
            for (int k = 0; k < settings.warmupRounds(); k++)
                batch(settings, pool, settings.firstSeed() + (rounds + k) * n);
            long[] nanos = new long[rounds];
            long[] cpu = new long[rounds];
            long[] sums = new long[rounds];
            for (int k = 0; k < rounds; k++) {
                long[] timed = batch(settings, pool, settings.firstSeed() + k * n);
                nanos[k] = timed[0];
                cpu[k] = timed[1];
                sums[k] = timed[2];
            }
            return new Result(settings, Math.multiplyExact(n, settings.steps()), nanos, cpu, sums);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /**
     * Runs (a) on one thread and (b) on {@code availableProcessors()} threads with otherwise the same settings;
     * IllegalStateException if their checksums differ (a determinism failure, never expected).
     */
    public static Result[] singleAndPool(Settings settings) {
        Result single = run(settings.withThreads(1));
        Result pool = run(settings.withThreads(Math.max(2, Runtime.getRuntime().availableProcessors())));
        compare(single, pool);
        return new Result[] {single, pool};
    }

    /** IllegalStateException unless the two results' rounds ran the same learners to the same metrics. */
    public static void compare(Result a, Result b) {
        if (!Arrays.equals(a.checksums(), b.checksums())) {
            throw new IllegalStateException("checksums differ between "
                    + a.settings().threads() + " and " + b.settings().threads() + " threads: "
                    + Arrays.toString(a.checksums()) + " vs " + Arrays.toString(b.checksums()));
        }
    }

    // returns {wall nanos, thread cpu nanos, checksum}
    private static long[] batch(Settings s, ExecutorService pool, int seed0) {
        List<RunSpec> specs = specs(s.workload(), s.learners(), s.steps(), seed0, s.prune());
        long[] cpu = new long[specs.size()];
        long start = System.nanoTime();
        RunResult[] results = execute(specs, s.chunkSize(), pool, cpu);
        long nanos = System.nanoTime() - start;
        long cpuSum = 0;
        for (long c : cpu) cpuSum += c;
        return new long[] {nanos, cpuSum, checkedChecksum(specs, results)};
    }

    /**
     * The runs of {@code learners} learners of {@code workload} with seeds {@code seed0 …}, in seed order: what one
     * round of every path runs. Allocates the list and its specs.
     */
    public static List<RunSpec> specs(Workload workload, int learners, long steps, int seed0) {
        return specs(workload, learners, steps, seed0, Workloads.PRUNE);
    }

    /** As {@link #specs(Workload, int, long, int)} with the belief's prune tolerance {@code prune} (0 = exact). */
    public static List<RunSpec> specs(Workload workload, int learners, long steps, int seed0, double prune) {
        List<RunSpec> specs = new ArrayList<>(learners);
        for (int i = 0; i < learners; i++) specs.add(Workloads.spec(workload, seed0 + i, steps, prune));
        return specs;
    }

    /**
     * One timed batch: every run of {@code specs} (in seed order, not modified) to the end with chunk size
     * {@code chunkSize} ≥ 1, on the calling thread when {@code pool} is null, else one task per run on
     * {@code pool} (the caller owns and shuts it down). Wall and process CPU time from the first run started to
     * the last result in; IllegalStateException when a run stopped short without diverging or a task failed.
     */
    public static RoundResult round(List<RunSpec> specs, int chunkSize, ExecutorService pool) {
        if (specs.isEmpty()) throw new IllegalArgumentException("specs must not be empty");
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        long[] cpu = new long[specs.size()];
        long learnerSteps = 0;
        for (RunSpec spec : specs) learnerSteps = Math.addExact(learnerSteps, spec.steps());
        long cpu0 = RoundResult.processCpuNanosNow();
        long start = System.nanoTime();
        RunResult[] results = execute(specs, chunkSize, pool, cpu);
        long nanos = System.nanoTime() - start;
        long cpu1 = RoundResult.processCpuNanosNow();
        return new RoundResult(
                nanos, RoundResult.cpuBetween(cpu0, cpu1), checkedChecksum(specs, results), learnerSteps);
    }

    // runs every spec; cpu[i] = the thread CPU time of run i
    private static RunResult[] execute(List<RunSpec> specs, int chunkSize, ExecutorService pool, long[] cpu) {
        int n = specs.size();
        RunResult[] results = new RunResult[n];
        if (pool == null) {
            for (int i = 0; i < n; i++) results[i] = timedRun(specs.get(i), chunkSize, cpu, i);
        } else {
            List<Future<RunResult>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                RunSpec spec = specs.get(i);
                int slot = i;
                futures.add(pool.submit(() -> timedRun(spec, chunkSize, cpu, slot)));
            }
            try {
                for (int i = 0; i < n; i++) results[i] = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for learners", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a learner failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private static long checkedChecksum(List<RunSpec> specs, RunResult[] results) {
        for (int i = 0; i < results.length; i++) {
            RunMetrics m = results[i].metrics();
            long steps = specs.get(i).steps();
            if (m.steps() != steps && !m.diverged()) {
                throw new IllegalStateException(
                        "run " + results[i].runId() + " ran " + m.steps() + " of " + steps + " steps");
            }
        }
        return RoundResult.checksum(Arrays.asList(results));
    }

    // each slot is written by one task and read after its future completes (happens-before via Future.get)
    private static RunResult timedRun(RunSpec spec, int chunkSize, long[] cpu, int slot) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        RunResult r = Simulation.run(spec, chunkSize);
        cpu[slot] = threads.getCurrentThreadCpuTime() - c0;
        return r;
    }

    /**
     * Command-line entry for ad-hoc measurement ({@code driftlab bench} is the supported front end):
     * {@code java -cp benchmarks.jar org.driftlab.bench.e2e.CoreLoopHarness [workload] [learners] [steps] [chunk]
     * [warmup] [rounds] [prune]}, defaults w1 8 5000 50 2 5 1e-10 (prune 0 = the exact belief). Prints one line
     * per thread count.
     */
    public static void main(String[] args) {
        Workload w = Workload.byId(args.length > 0 ? args[0] : "w1");
        int learners = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long steps = args.length > 2 ? Long.parseLong(args[2]) : Workloads.STEPS;
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        double prune = args.length > 6 ? Double.parseDouble(args[6]) : Workloads.PRUNE;
        Result[] both = singleAndPool(new Settings(w, learners, steps, chunk, 1, warmup, rounds, 0, prune));
        for (Result r : both) {
            System.out.printf(
                    "%s prune=%s learners=%d steps=%d chunk=%d threads=%d: median %.0f learner-steps/s (%.0f wall ns/step,"
                            + " %.0f cpu ns/step); rounds %s%n",
                    w.id(),
                    prune,
                    learners,
                    steps,
                    chunk,
                    r.settings().threads(),
                    r.medianStepsPerSecond(),
                    r.medianNanosPerStep(),
                    r.medianCpuNanosPerStep(),
                    Arrays.toString(Arrays.stream(r.stepsPerSecond())
                            .mapToLong(Math::round)
                            .toArray()));
        }
    }
}
