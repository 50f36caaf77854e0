package org.driftlab.bench.belief;

import java.util.concurrent.TimeUnit;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.TaskBeliefs;
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
 * W1's belief step in its two modes, side by side: the Gaussian known-noise BOCPD at d = 32, r_max 256, hazard
 * 1/500, observe + p_change(10) as the belief monitor does per step, with {@code prune} = 0 (exact: all 257 run
 * lengths swept every step once the run passes r_max) or W1's default 1e-10. Fed W1-like evidence
 * ({@link SwitchingEvidence#gaussian}), warmed over 2,000 steps, then the replay wraps around the series. Run
 * with {@code -prof gc} for B/op (0 expected in both modes once the buffers have grown). The roofline in
 * docs/PERFORMANCE.md places these two figures against {@link RooflineBench}'s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class W1BeliefStepBench {
    static final int DIM = 32;
    static final int R_MAX = 256;

    @Param({"0", "1e-10"})
    double prune;

    double[] evidence;
    Bocpd belief;
    int t;

    @Setup(Level.Trial)
    public void build() {
        evidence = SwitchingEvidence.gaussian(DIM, 42);
        double[] noiseVar = SwitchingEvidence.noiseStd(DIM);
        for (int i = 0; i < DIM; i++) noiseVar[i] *= noiseVar[i];
        belief = TaskBeliefs.gaussian(SwitchingEvidence.HAZARD, prune, R_MAX, new double[DIM], 1.0, noiseVar);
        System.out.printf(
                "%n# mean active run-length slots per step: %.1f%n",
                GaussianBocpdBench.meanActiveSlots(belief, evidence, DIM));
        belief.reset();
        for (t = 0; t < 2000; t++) belief.observe(evidence, t * DIM);
    }

    @Benchmark
    public double step() {
        belief.observe(evidence, t * DIM);
        t = (t + 1) & (SwitchingEvidence.STEPS - 1);
        return belief.pChange(10);
    }
}
