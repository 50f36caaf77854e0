package org.driftlab.bench.rule;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.BallisticSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.KalmanFilterSpec;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.MomentumSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RmsPropSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SgdSpec;
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
 * One update of each learning rule at d ∈ {8, 32, 128}. A step kernel should show ≈ 0 B/op under
 * {@code -prof gc}. The gradient is fixed and representative (N(0,1) entries); weights are refreshed per
 * iteration (and the rule reset) so they stay finite. Rules that read the task get a quadratic stream with W1's spectrum
 * (log-spaced in [0.1, 10], σ_g = 0.5) as their {@code TaskView}: diagonal H, or rotated for the
 * {@code -rot} variants. Natural gradient: {@code ng-hessian} (F = H + δI through H's eigendecomposition),
 * {@code ng-outer} (F an exponential average of g gᵀ, an in-place Cholesky of F + δI every step: O(d³));
 * optimal control (γ = 0.1, η = k = 1, dt = 1, G = I): {@code oc-observed} (m = g, V = H), {@code oc-filtered}
 * (the Kalman-filter belief, per coordinate).
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

    @Param({
        "sgd",
        "momentum",
        "rmsprop",
        "adam",
        "ballistic",
        "ng-hessian",
        "ng-hessian-rot",
        "ng-outer",
        "oc-observed",
        "oc-observed-rot",
        "oc-filtered"
    })
    String rule;

    double[] theta;
    double[] grad;
    LearningRule learningRule;
    TaskStream task;

    double[] theta0;

    // the rule and its task are built once per trial: a d = 128 rotation or metric allocates hundreds of KB,
    // which -prof gc would otherwise count against the iteration's steps
    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(42);
        theta0 = new double[dim];
        grad = new double[dim];
        for (int i = 0; i < dim; i++) {
            theta0[i] = random.nextDouble() - 0.5;
            grad[i] = random.nextDouble() - 0.5;
        }
        theta = theta0.clone();
        learningRule = spec(rule).newRule(dim, 1.0);
        QuadraticStreamSpec stream = new QuadraticStreamSpec(
                dim,
                SpectrumSpec.logSpaced(0.1, 10.0),
                rule.endsWith("-rot"),
                0.5,
                PriorSpec.standard(),
                null,
                List.of(),
                new NoSwitchSpec());
        task = TaskStream.create(stream, SeedStreams.of(20_261_128L, 1));
    }

    // fresh weights and rule state each iteration (allocation-free), so θ stays finite
    @Setup(Level.Iteration)
    public void fresh() {
        System.arraycopy(theta0, 0, theta, 0, dim);
        learningRule.reset();
    }

    @Benchmark
    public double[] step() {
        learningRule.step(theta, grad, task);
        return theta;
    }

    // Step sizes small enough that a second of repeated steps on a fixed gradient stays finite.
    private static RuleSpec spec(String name) {
        switch (name) {
            case "sgd":
                return new SgdSpec(1e-6);
            case "momentum":
                return new MomentumSpec(1e-6, 0.9, false);
            case "rmsprop":
                return new RmsPropSpec(1e-6, 0.99, 1e-8);
            case "adam":
                return new AdamSpec(1e-6, 0.9, 0.999, 1e-8, 0.0, false);
            case "ballistic":
                return new BallisticSpec(1e-6, 0.999, 1e-8);
            case "ng-hessian":
            case "ng-hessian-rot":
                return new NaturalGradientSpec(1e-6, new MetricSpec(MetricSpec.Kind.HESSIAN, null, Double.NaN), 1e-3);
            case "ng-outer":
                return new NaturalGradientSpec(1e-6, new MetricSpec(MetricSpec.Kind.GRADIENT_OUTER, null, 0.99), 1e-3);
            case "oc-observed":
            case "oc-observed-rot":
                return new OptimalControlSpec(0.1, 1e-6, 1.0, MetricSpec.identity(), 0.0, BeliefSource.OBSERVED, null);
            case "oc-filtered":
                return new OptimalControlSpec(
                        0.1,
                        1e-6,
                        1.0,
                        MetricSpec.identity(),
                        0.0,
                        BeliefSource.FILTERED,
                        new KalmanFilterSpec(0.01, 1.0, 0.25, 0.999, 1e-8));
            default:
                throw new IllegalArgumentException("unknown rule " + name);
        }
    }
}
