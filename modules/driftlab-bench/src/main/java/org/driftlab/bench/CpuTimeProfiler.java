package org.driftlab.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for a shared machine: the benchmark JVM's CPU time per operation ({@code cpu.time.norm},
 * ns/op), next to JMH's wall-clock figure. Wall time per op grows with every time slice another process takes
 * from the benchmark thread; CPU time does not (cache and memory-bandwidth contention still show in both).
 * It is the process's CPU time (com.sun.management.OperatingSystemMXBean) over the iteration divided by the
 * measured operations, so it also counts the forked JVM's other threads: JIT compilation (quiet after warm-up)
 * and GC (none for an allocation-free kernel), which makes it an upper bound for the benchmark thread.
 * Use: {@code -prof org.driftlab.bench.CpuTimeProfiler}. Single-threaded benchmarks only.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpu;

    @Override
    public String getDescription() {
        return "process CPU time per operation (robust to time slices lost to other processes)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpu;
        long ops = result.getMetadata().getMeasuredOps();
        double perOp = ops > 0 ? (double) cpu / ops : Double.NaN;
        return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
    }
}
