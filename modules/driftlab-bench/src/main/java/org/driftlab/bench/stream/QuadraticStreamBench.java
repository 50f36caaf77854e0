package org.driftlab.bench.stream;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.EvidenceKind;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.driftlab.core.stream.TaskStream;
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
 * The quadratic stream's per-step work at d ∈ {8, 32, 128}, H diagonal or rotated (W1's spectrum, log-spaced
 * in [0.1, 10], σ_g = 0.5): {@code observe} is the noisy gradient observation g = H(θ − w*) + σ_g ε (d normal
 * draws; for a rotated H two d×d products, see QuadraticStream); {@code observeLossEvidence} is what the
 * learner does per step: observation, loss, excess loss and the evidence z. θ is fixed (N(0, I) entries);
 * the observation's cost does not depend on its value. No switches (a switch draws a new optimum, 1 in 500
 * steps in W1).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class QuadraticStreamBench {
    @Param({"8", "32", "128"})
    int dim;

    @Param({"false", "true"})
    boolean rotated;

    TaskStream stream;
    double[] theta;
    double[] g;
    double[] evidence;

    @Setup(Level.Trial)
    public void build() {
        QuadraticStreamSpec spec = new QuadraticStreamSpec(
                dim,
                SpectrumSpec.logSpaced(0.1, 10.0),
                rotated,
                0.5,
                PriorSpec.standard(),
                null,
                List.of(),
                new NoSwitchSpec());
        stream = TaskStream.create(spec, SeedStreams.of(20_261_128L, 1));
        stream.advance();
        SplittableRandom rnd = new SplittableRandom(42);
        theta = new double[dim];
        for (int i = 0; i < dim; i++) theta[i] = rnd.nextGaussian();
        g = new double[dim];
        evidence = new double[dim];
    }

    @Benchmark
    public double[] observe() {
        stream.observeGradient(theta, g);
        return g;
    }

    @Benchmark
    public double observeLossEvidence() {
        stream.observeGradient(theta, g);
        double loss = stream.loss(theta);
        double excess = stream.excessLoss(theta);
        stream.writeEvidence(EvidenceKind.OPTIMUM, theta, g, evidence, 0);
        return loss + excess + evidence[0];
    }
}
