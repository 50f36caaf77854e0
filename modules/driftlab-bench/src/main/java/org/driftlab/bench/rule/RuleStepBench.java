package org.driftlab.bench.rule;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.BallisticSpec;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.rule.MomentumSpec;
import org.driftlab.core.rule.RmsPropSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SgdSpec;
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
 * One update of each element-wise learning rule at d ∈ {8, 32, 128}. A step kernel should show ≈ 0 B/op
 * under {@code -prof gc}. The gradient is fixed and representative (N(0,1) entries); weights are refreshed
 * per iteration so they stay finite.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class RuleStepBench {
    @Param({"8", "32", "128"})
    int dim;

    @Param({"sgd", "momentum", "rmsprop", "adam", "ballistic"})
    String rule;

    double[] theta;
    double[] grad;
    LearningRule learningRule;

    @Setup(Level.Iteration)
    public void fresh() {
        SplittableRandom random = new SplittableRandom(42);
        theta = new double[dim];
        grad = new double[dim];
        for (int i = 0; i < dim; i++) {
            theta[i] = random.nextDouble() - 0.5;
            grad[i] = random.nextDouble() - 0.5;
        }
        learningRule = spec(rule).newRule(dim, 1.0);
    }

    @Benchmark
    public double[] step() {
        learningRule.step(theta, grad, null);
        return theta;
    }

    // Step sizes small enough that a second of repeated steps on a fixed gradient stays finite.
    private static RuleSpec spec(String name) {
        switch (name) {
            case "sgd": return new SgdSpec(1e-6);
            case "momentum": return new MomentumSpec(1e-6, 0.9, false);
            case "rmsprop": return new RmsPropSpec(1e-6, 0.99, 1e-8);
            case "adam": return new AdamSpec(1e-6, 0.9, 0.999, 1e-8, 0.0, false);
            case "ballistic": return new BallisticSpec(1e-6, 0.999, 1e-8);
            default: throw new IllegalArgumentException("unknown rule " + name);
        }
    }
}
