package org.driftlab.bench.belief;

import java.util.concurrent.TimeUnit;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.EvidenceInfo;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
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
 * One BOCPD step (observe + p_change(10)) with a model of a scalar series (the dimension d does not enter: the
 * evidence is one double) at r_max ∈ {64, 256, 1024}, hazard 1/500, pruning 1e-10: the Normal–Gamma model
 * (W1-scalar's belief model) on {@link SwitchingEvidence#scalar}, and the residual models variance-change and
 * log-normal-gamma (priors from the first 20 observations, the config defaults) on
 * {@link SwitchingEvidence#residual}. Run with {@code -prof gc}: the step allocates nothing. Warmed over 2,000
 * steps; prints the mean number of active run-length slots.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class NormalGammaBocpdBench {
    @Param({"normal-gamma", "variance-change", "log-normal-gamma"})
    String model;

    @Param({"64", "256", "1024"})
    int rMax;

    double[] evidence;
    Bocpd belief;
    int t;

    @Setup(Level.Trial)
    public void build() {
        evidence = model.equals("normal-gamma") ? SwitchingEvidence.scalar(42) : SwitchingEvidence.residual(42);
        ObservationModelSpec m =
                switch (model) {
                    case "normal-gamma" -> new NormalGammaModelSpec(0.0, 0.01, 1.0, 1.0);
                    case "variance-change" -> new VarianceChangeModelSpec(1.0, null, 20);
                    default -> new LogNormalGammaModelSpec(null, 1.0, 1.0, null, 20);
                };
        BocpdSpec spec = new BocpdSpec(SwitchingEvidence.HAZARD, m, 1e-10, rMax);
        belief = TaskBeliefs.bocpd(spec, EvidenceInfo.scalar());
        System.out.printf(
                "%n# mean active run-length slots per step: %.1f%n",
                GaussianBocpdBench.meanActiveSlots(belief, evidence, 1));
        belief.reset();
        for (t = 0; t < 2000; t++) belief.observe(evidence, t);
    }

    @Benchmark
    public double step() {
        belief.observe(evidence, t);
        t = (t + 1) & (SwitchingEvidence.STEPS - 1);
        return belief.pChange(10);
    }
}
