package org.driftlab.bench.belief;

import java.util.concurrent.TimeUnit;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.EvidenceInfo;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.belief.VarianceChangeModelSpec;
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
 * One BOCPD step (observe + p_change(10)) of every observation model side by side, at one shape: r_max 256,
 * hazard 1/500, pruning 1e-10, d = 8 for the models of a vector (gaussian on {@link SwitchingEvidence#gaussian},
 * linear-regression with p = 8 inputs and batch 1 on {@link SwitchingEvidence#regression}), a scalar for the
 * others (normal-gamma on {@link SwitchingEvidence#scalar}; variance-change and log-normal-gamma on
 * {@link SwitchingEvidence#residual}, priors from their first 20 observations, the config defaults). Run with
 * {@code -prof gc}: the step allocates nothing. Warmed over 2,000 steps; prints the mean number of active
 * run-length slots, which the step's cost is linear in.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class ObservationModelStepBench {
    /** d of the vector models. */
    static final int DIM = 8;

    @Param({"gaussian", "normal-gamma", "variance-change", "log-normal-gamma", "linear-regression"})
    String model;

    @Param({"256"})
    int rMax;

    double[] evidence;
    Bocpd belief;
    int width;
    int t;

    @Setup(Level.Trial)
    public void build() {
        switch (model) {
            case "gaussian" -> {
                evidence = SwitchingEvidence.gaussian(DIM, 42);
                width = DIM;
                double[] noiseVar = SwitchingEvidence.noiseStd(DIM);
                for (int i = 0; i < DIM; i++) noiseVar[i] *= noiseVar[i];
                belief = TaskBeliefs.gaussian(SwitchingEvidence.HAZARD, 1e-10, rMax, new double[DIM], 1.0, noiseVar);
            }
            case "linear-regression" -> {
                evidence = SwitchingEvidence.regression(DIM, 1, 42);
                width = DIM + 1;
                belief = TaskBeliefs.bocpd(
                        new BocpdSpec(
                                SwitchingEvidence.HAZARD, new LinearRegressionModelSpec(1.0, 1.0, 1.0), 1e-10, rMax),
                        EvidenceInfo.regression(DIM, 1));
            }
            case "normal-gamma" -> {
                evidence = SwitchingEvidence.scalar(42);
                width = 1;
                belief = scalar(new NormalGammaModelSpec(0.0, 0.01, 1.0, 1.0));
            }
            case "variance-change" -> {
                evidence = SwitchingEvidence.residual(42);
                width = 1;
                belief = scalar(new VarianceChangeModelSpec(1.0, null, 20));
            }
            case "log-normal-gamma" -> {
                evidence = SwitchingEvidence.residual(42);
                width = 1;
                belief = scalar(new LogNormalGammaModelSpec(null, 1.0, 1.0, null, 20));
            }
            default -> throw new IllegalArgumentException("unknown model " + model);
        }
        System.out.printf(
                "%n# mean active run-length slots per step: %.1f%n",
                GaussianBocpdBench.meanActiveSlots(belief, evidence, width));
        belief.reset();
        for (t = 0; t < 2000; t++) belief.observe(evidence, t * width);
    }

    private Bocpd scalar(org.driftlab.core.belief.ObservationModelSpec m) {
        return TaskBeliefs.bocpd(new BocpdSpec(SwitchingEvidence.HAZARD, m, 1e-10, rMax), EvidenceInfo.scalar());
    }

    @Benchmark
    public double step() {
        belief.observe(evidence, t * width);
        t = (t + 1) & (SwitchingEvidence.STEPS - 1);
        return belief.pChange(10);
    }
}
