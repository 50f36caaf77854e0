package org.driftlab.bench.belief;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.TaskBeliefs;
import org.jblas.NativeBlas;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Floating-point rate of the Gaussian BOCPD step at d = 32, r_max = 256 against jblas dgemv of the same
 * shape. Throughput mode: JMH prints ops/s (steps or products per second) and, from the {@link Flops} aux
 * counter, {@code flops} per second, i.e. FLOP/s.
 *
 * <p>Flop count of one {@code Bocpd.observe} sweeping n slots at dimension d (arithmetic on doubles; exp and
 * log counted as one each; comparisons not counted):
 * <ul>
 * <li>GaussianRunModel.predictAndGrow, per slot and dimension: (ρm0 + S) 1, ·(1/(ρ + r)) 1, x − … 1, e·e 1,
 *     ·(1/c) 1, q += 1, S + x 1 = 7; per slot: combining the four partial sums 3, ·0.5 1, logNorm − … 1 = 5;</li>
 * <li>Bocpd.observe, per slot: logPi += logw 1; log-sum-exp: v − max 1, exp 1, sum 1; logw = log(1 − H) +
 *     logPi − logJoint 2 = 6; per step: log and add of log-sum-exp 2.</li>
 * </ul>
 * Total n·(7d + 11) + 2; at d = 32 with all r_max + 1 = 257 slots active: 257·235 + 2 = 60,397 flops.
 * dgemv of the same shape, the 257×32 statistics matrix times x: 2·257·32 = 16,448 flops.
 *
 * <p>Benchmarks: {@code bocpdFull}: pruning off, so all 257 slots are active every step (the fixed 257×32 shape);
 * {@code bocpdW1}: W1's pruning 1e-10, counting n·(7d + 11) + 2 with the actual n of each step (far fewer
 * slots); {@code jblasDgemv}: NativeBlas.dgemv on the same 257×32 row-major matrix; {@code loopGemv}: the same
 * product as a plain Java loop (four partial sums, as the kernel uses).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class GaussianFlopRateBench {
    static final int D = 32;
    static final int R_MAX = 256;
    static final int ROWS = R_MAX + 1;
    static final long FLOPS_PER_SLOT = 7L * D + 11;
    static final long FLOPS_FULL_STEP = ROWS * FLOPS_PER_SLOT + 2;
    static final long FLOPS_GEMV = 2L * ROWS * D;

    /** Floating-point operations performed, reported by JMH as a rate (FLOP/s). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Flops {
        public long flops;

        @Setup(Level.Iteration)
        public void clear() {
            flops = 0;
        }
    }

    double[] evidence;
    Bocpd full;
    Bocpd pruned;
    int tFull;
    int tPruned;
    double[] s;
    double[] x;
    double[] y;

    @Setup(Level.Trial)
    public void build() {
        evidence = SwitchingEvidence.gaussian(D, 42);
        double[] noiseVar = SwitchingEvidence.noiseStd(D);
        for (int i = 0; i < D; i++) noiseVar[i] *= noiseVar[i];
        full = TaskBeliefs.gaussian(SwitchingEvidence.HAZARD, 0.0, R_MAX, new double[D], 1.0, noiseVar);
        pruned = TaskBeliefs.gaussian(SwitchingEvidence.HAZARD, 1e-10, R_MAX, new double[D], 1.0, noiseVar);
        for (tFull = 0; tFull < 2000; tFull++) full.observe(evidence, tFull * D);
        for (tPruned = 0; tPruned < 2000; tPruned++) pruned.observe(evidence, tPruned * D);
        if (full.activeSlots() != ROWS)
            throw new IllegalStateException("expected " + ROWS + " active slots, got " + full.activeSlots());
        SplittableRandom rnd = new SplittableRandom(7);
        s = new double[ROWS * D];
        x = new double[D];
        y = new double[ROWS];
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextGaussian();
        for (int i = 0; i < D; i++) x[i] = rnd.nextGaussian();
    }

    @Benchmark
    public double bocpdFull(Flops f) {
        full.observe(evidence, tFull * D);
        tFull = (tFull + 1) & (SwitchingEvidence.STEPS - 1);
        f.flops += FLOPS_FULL_STEP;
        return full.lastLogEvidence();
    }

    @Benchmark
    public double bocpdW1(Flops f) {
        f.flops += pruned.activeSlots() * FLOPS_PER_SLOT + 2;
        pruned.observe(evidence, tPruned * D);
        tPruned = (tPruned + 1) & (SwitchingEvidence.STEPS - 1);
        return pruned.lastLogEvidence();
    }

    @Benchmark
    public double[] jblasDgemv(Flops f) {
        // row-major S (ROWS×D) is column-major Sᵀ (D×ROWS): y = (Sᵀ)ᵀ x
        NativeBlas.dgemv('T', D, ROWS, 1.0, s, 0, D, x, 0, 1, 0.0, y, 0, 1);
        f.flops += FLOPS_GEMV;
        return y;
    }

    @Benchmark
    public double[] loopGemv(Flops f) {
        for (int j = 0; j < ROWS; j++) {
            int row = j * D;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int i = 0; i < D; i += 4) {
                a0 += s[row + i] * x[i];
                a1 += s[row + i + 1] * x[i + 1];
                a2 += s[row + i + 2] * x[i + 2];
                a3 += s[row + i + 3] * x[i + 3];
            }
            y[j] = (a0 + a1) + (a2 + a3);
        }
        f.flops += FLOPS_GEMV;
        return y;
    }
}
