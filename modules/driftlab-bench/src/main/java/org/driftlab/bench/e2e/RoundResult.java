package org.driftlab.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;
import org.driftlab.core.sim.RunResult;

/**
 * One timed batch of learners on one path: {@code wallNanos} from the first run started until the last result
 * is in ({@link System#nanoTime()}), {@code processCpuNanos} the whole process's CPU time over the same span
 * (every thread: the path's own, but also JIT compiler, GC and idle cluster threads; -1 when the JVM cannot
 * tell; it counts in the OS's accounting ticks, 10 ms on Linux, so a round shorter than ~1 s carries a
 * visible rounding error), {@code checksum} a digest of the runs' metrics in seed order (equal on every path for the same seeds,
 * DESIGN §3), {@code learnerSteps} the learner-steps the batch ran (N × steps).
 */
public record RoundResult(long wallNanos, long processCpuNanos, long checksum, long learnerSteps) {
    public RoundResult {
        if (wallNanos <= 0) throw new IllegalArgumentException("wallNanos must be > 0, got " + wallNanos);
        if (learnerSteps < 1) throw new IllegalArgumentException("learnerSteps must be >= 1, got " + learnerSteps);
    }

    /** Learner-steps per wall-clock second. */
    public double stepsPerSecond() {
        return learnerSteps / (wallNanos / 1e9);
    }

    /** Process CPU nanoseconds per learner-step; NaN when the process CPU time is unknown. */
    public double cpuNanosPerStep() {
        return processCpuNanos < 0 ? Double.NaN : (double) processCpuNanos / learnerSteps;
    }

    /**
     * The digest both paths use: 17, then {@code 31·sum + metrics.hashCode()} for each result in the given
     * order (callers pass seed order). Equal metrics give equal digests; the converse is overwhelmingly likely.
     */
    public static long checksum(List<RunResult> inSeedOrder) {
        long sum = 17;
        for (RunResult r : inSeedOrder) sum = 31 * sum + r.metrics().hashCode();
        return sum;
    }

    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    /**
     * The process's CPU time so far in nanoseconds (all threads, com.sun.management.OperatingSystemMXBean), or
     * -1 when this JVM does not provide it.
     */
    static long processCpuNanosNow() {
        return OS instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** The CPU time between two {@link #processCpuNanosNow()} readings; -1 if either is unknown. */
    static long cpuBetween(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }
}
