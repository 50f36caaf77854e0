package org.driftlab.bench.belief;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jblas.NativeBlas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where jblas dgemv starts to beat a plain Java loop: y = S x for a row-major rows×d matrix S (the shape of the
 * Gaussian BOCPD statistics, rows = active run-length slots; also, with rows = d, the shape of a rotated
 * Hessian's basis change). {@code jblas}: NativeBlas.dgemv (one JNI call); {@code loop}: one accumulator per
 * row, the summation order the core's bit-identical kernels must keep; {@code loop4}: four rows at a time, each
 * row still summed in order (bit-identical to {@code loop}, only the latency chains interleave).
 *
 * <p>The crossover it measured, and why the core therefore keeps plain, order-preserving loops, is in
 * docs/PERFORMANCE.md ("jblas vs plain loops").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class GemvCrossoverBench {
    @Param({"32", "128"})
    int dim;

    @Param({"2", "8", "32", "128", "257"})
    int rows;

    double[] s;
    double[] x;
    double[] y;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom rnd = new SplittableRandom(7);
        s = new double[rows * dim];
        x = new double[dim];
        y = new double[rows];
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextGaussian();
        for (int i = 0; i < dim; i++) x[i] = rnd.nextGaussian();
    }

    @Benchmark
    public double[] jblas() {
        NativeBlas.dgemv('T', dim, rows, 1.0, s, 0, dim, x, 0, 1, 0.0, y, 0, 1);
        return y;
    }

    @Benchmark
    public double[] loop() {
        int d = dim;
        for (int j = 0; j < rows; j++) {
            int row = j * d;
            double acc = 0;
            for (int i = 0; i < d; i++) acc += s[row + i] * x[i];
            y[j] = acc;
        }
        return y;
    }

    @Benchmark
    public double[] loop4() {
        int d = dim;
        int j = 0;
        for (; j + 3 < rows; j += 4) {
            int r0 = j * d, r1 = r0 + d, r2 = r1 + d, r3 = r2 + d;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int i = 0; i < d; i++) {
                double xi = x[i];
                a0 += s[r0 + i] * xi;
                a1 += s[r1 + i] * xi;
                a2 += s[r2 + i] * xi;
                a3 += s[r3 + i] * xi;
            }
            y[j] = a0;
            y[j + 1] = a1;
            y[j + 2] = a2;
            y[j + 3] = a3;
        }
        for (; j < rows; j++) {
            int row = j * d;
            double acc = 0;
            for (int i = 0; i < d; i++) acc += s[row + i] * x[i];
            y[j] = acc;
        }
        return y;
    }
}
