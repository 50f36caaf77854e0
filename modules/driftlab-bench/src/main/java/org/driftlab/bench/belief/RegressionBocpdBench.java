package org.driftlab.bench.belief;

import java.util.concurrent.TimeUnit;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.EvidenceInfo;
import org.driftlab.core.belief.LinearRegressionModelSpec;
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
 * One BOCPD step (observe + p_change(10)) with the Bayesian linear-regression model, p = d ∈ {8, 32, 128}
 * inputs, one sample per step (batch B = 1), r_max ∈ {64, 256, 1024}, hazard 1/500, pruning 1e-10, on
 * {@link SwitchingEvidence#regression}; prior var 1, α0 = β0 = 1. Each slot holds p² + p + 2 statistics, so a
 * step is O(n p²). Warmed over 2,000 steps; prints the mean number of active run-length slots.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class RegressionBocpdBench {
    @Param({"8", "32", "128"})
    int dim;

    @Param({"64", "256", "1024"})
    int rMax;

    double[] evidence;
    Bocpd belief;
    int width;
    int t;

    @Setup(Level.Trial)
    public void build() {
        evidence = SwitchingEvidence.regression(dim, 1, 42);
        width = dim + 1;
        BocpdSpec spec =
                new BocpdSpec(SwitchingEvidence.HAZARD, new LinearRegressionModelSpec(1.0, 1.0, 1.0), 1e-10, rMax);
        belief = TaskBeliefs.bocpd(spec, EvidenceInfo.regression(dim, 1));
        System.out.printf(
                "%n# mean active run-length slots per step: %.1f%n",
                GaussianBocpdBench.meanActiveSlots(belief, evidence, width));
        belief.reset();
        for (t = 0; t < 2000; t++) belief.observe(evidence, t * width);
    }

    @Benchmark
    public double step() {
        belief.observe(evidence, t * width);
        t = (t + 1) & (SwitchingEvidence.STEPS - 1);
        return belief.pChange(10);
    }
}
