package org.driftlab.bench.belief;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two ceilings of the roofline in docs/PERFORMANCE.md, as far as the JIT reaches them:
 * <ul>
 * <li>{@code fma}: y[i] ← fma(y[i], a, b) over an L1-resident array of 1,024 doubles (2 flops per element, a loop
 *     C2 vectorises), reported per element; GFLOP/s = 2 / (ns per element). It ignores {@code elements}.</li>
 * <li>{@code triad}: a[i] ← b[i] + s·c[i] (STREAM triad) over three arrays of {@code elements} doubles: 24 bytes
 *     and 2 flops per element, reported per call (one sweep); GB/s = 24 · elements / (ns per call). 8,192 elements (3 × 64 KB) sit in L2, the belief's
 *     working set at r_max 256; 4 Mi elements (3 × 32 MB) exceed the L3 and measure memory.</li>
 * </ul>
 * The hand-written C probe quoted beside these figures gives the hardware's ceiling; this gives Java's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RooflineBench {
    static final int FMA_ELEMENTS = 1024;
    static final int FMA_SWEEPS = 64;

    @Param({"8192", "4194304"})
    int elements;

    double[] a;
    double[] b;
    double[] c;
    double[] y;
    double s = 3.0;
    double fa = 0.999999999;
    double fb = 1e-9;

    @Setup
    public void build() {
        a = new double[elements];
        b = new double[elements];
        c = new double[elements];
        for (int i = 0; i < elements; i++) {
            b[i] = i;
            c[i] = 1.0 / (i + 1);
        }
        y = new double[FMA_ELEMENTS];
        java.util.Arrays.fill(y, 1.0);
    }

    /** Per element of one sweep over {@link #y}: {@link #FMA_SWEEPS} sweeps per call. */
    @Benchmark
    @OperationsPerInvocation(FMA_ELEMENTS * FMA_SWEEPS)
    public double fma() {
        double[] v = y;
        double p = fa, q = fb;
        for (int k = 0; k < FMA_SWEEPS; k++) {
            for (int i = 0; i < v.length; i++) v[i] = Math.fma(v[i], p, q);
        }
        return v[0];
    }

    /** Per element: one call is one sweep of the triad. */
    @Benchmark
    public double triad() {
        double[] x = a, u = b, w = c;
        double k = s;
        for (int i = 0; i < x.length; i++) x[i] = u[i] + k * w[i];
        return x[0];
    }
}
