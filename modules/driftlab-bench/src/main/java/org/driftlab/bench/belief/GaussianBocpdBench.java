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
 * One BOCPD step (observe + p_change(10), as the belief monitor does per step) with the Gaussian known-noise
 * model at d ∈ {8, 32, 128}, r_max ∈ {64, 256, 1024}, W1's hazard 1/500 and pruning 1e-10, fed W1-like
 * evidence ({@link SwitchingEvidence#gaussian}). The belief is warmed over the first 2,000 steps of the series so
 * the posterior is in its steady state; the replay then wraps around the series. Prints the mean number of
 * active run-length slots per step over one pass of the series (the n that the step's cost is linear in).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class GaussianBocpdBench {
    @Param({"8", "32", "128"})
    int dim;

    @Param({"64", "256", "1024"})
    int rMax;

    double[] evidence;
    Bocpd belief;
    int t;

    @Setup(Level.Trial)
    public void build() {
        evidence = SwitchingEvidence.gaussian(dim, 42);
        double[] noiseVar = SwitchingEvidence.noiseStd(dim);
        for (int i = 0; i < dim; i++) noiseVar[i] *= noiseVar[i];
        belief = TaskBeliefs.gaussian(SwitchingEvidence.HAZARD, 1e-10, rMax, new double[dim], 1.0, noiseVar);
        System.out.printf("%n# mean active run-length slots per step: %.1f%n", meanActiveSlots(belief, evidence, dim));
        belief.reset();
        for (t = 0; t < 2000; t++) belief.observe(evidence, t * dim);
    }

    /** Mean of {@link Bocpd#activeSlots()} over one pass of the series (from a reset; the belief is left used). */
    static double meanActiveSlots(Bocpd belief, double[] evidence, int width) {
        belief.reset();
        long sum = 0;
        int steps = evidence.length / width;
        for (int k = 0; k < steps; k++) {
            belief.observe(evidence, k * width);
            sum += belief.activeSlots();
        }
        return (double) sum / steps;
    }

    @Benchmark
    public double step() {
        belief.observe(evidence, t * dim);
        t = (t + 1) & (SwitchingEvidence.STEPS - 1);
        return belief.pChange(10);
    }
}
