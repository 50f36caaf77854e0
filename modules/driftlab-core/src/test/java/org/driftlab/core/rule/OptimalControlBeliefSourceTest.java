package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Optimal control with {@code source = belief} (DESIGN §6): the flow heads for the BOCPD mixture posterior mean,
 * checked against the ideal observer (whose weights are that mean) on the same evidence.
 */
class OptimalControlBeliefSourceTest {
    static final double HAZARD = 0.1;
    static final BocpdSpec BELIEF = new BocpdSpec(HAZARD, GaussianModelSpec.fromStream(), 1e-10, 64);
    static final double[] H = {0.3, 1.0, 2.5};

    static OptimalControlSpec spec(double gamma) {
        return new OptimalControlSpec(gamma, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.BELIEF, null)
                .withBelief(BELIEF);
    }

    @Nested
    final class Contract extends LearningRuleContract {
        @Override
        RuleSpec spec() {
            return OptimalControlBeliefSourceTest.spec(0.5);
        }

        @Override
        RuleSpec otherSpec() {
            return OptimalControlBeliefSourceTest.spec(0.7);
        }
    }

    /**
     * Runs the optimal-control rule and the ideal observer (same hazard, prune, cap) side by side on one task whose
     * optimum jumps every 15 steps, with the same noise draws: the evidence z = θ − H⁻¹g = w* − H⁻¹ε does not
     * depend on θ, so both beliefs see the same z. Returns {θ_oc, θ_ideal} after each step.
     */
    static double[][][] sideBySide(double gamma, double dt, int steps) {
        QuadraticTask task = QuadraticTask.diagonal(H, new double[] {0.5, -1.0, 0.25});
        LearningRule oc = spec(gamma).newRule(3, dt);
        LearningRule ideal =
                new IdealObserverSpec(HAZARD, BELIEF.pruneTolerance(), BELIEF.maxRunLength()).newRule(3, dt);
        Rng rng = SeedStreams.of(5, 1).stream(Purpose.NOISE);
        double[] a = {1.0, 0.6, 0.2};
        double[] b = a.clone();
        double[] ga = new double[3];
        double[] gb = new double[3];
        double[][][] out = new double[steps][][];
        for (int t = 0; t < steps; t++) {
            if (t > 0 && t % 15 == 0) for (int i = 0; i < 3; i++) task.optimum[i] = rng.nextGaussian();
            task.trueGradient(a, ga);
            task.trueGradient(b, gb);
            for (int i = 0; i < 3; i++) {
                double e = 0.3 * rng.nextGaussian();
                ga[i] += e;
                gb[i] += e;
            }
            oc.step(a, ga, task);
            ideal.step(b, gb, task);
            out[t] = new double[][] {a.clone(), b.clone()};
        }
        return out;
    }

    @Test
    void withALongStepTheRuleIsTheIdealObserver() {
        for (double[][] step : sideBySide(0.5, 1e9, 60)) {
            for (int i = 0; i < 3; i++) assertThat(step[0][i]).isCloseTo(step[1][i], within(1e-9));
        }
    }

    /** Per mode (G = I, diagonal H, decay 0): θ' = μ̄ + e^{−R dt}(θ − μ̄), R = √(γ²/4 + ηk h) − γ/2, μ̄ = the ideal observer's θ'. */
    @Test
    void eachStepRelaxesTowardThePosteriorMeanAtTheOptimalRate() {
        double gamma = 0.5;
        double dt = 0.3;
        double[][][] trace = sideBySide(gamma, dt, 60);
        double[] previous = {1.0, 0.6, 0.2};
        for (double[][] step : trace) {
            for (int i = 0; i < 3; i++) {
                double r = Math.sqrt(gamma * gamma / 4 + H[i]) - gamma / 2;
                double mean = step[1][i];
                assertThat(step[0][i]).isCloseTo(mean + Math.exp(-r * dt) * (previous[i] - mean), within(1e-12));
            }
            previous = step[0];
        }
    }
}
