package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.driftlab.core.rule.MetricSpec.Kind;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Contract on the stateful gradient-outer metric; hand-computed steps for every metric kind. */
final class NaturalGradientTest extends LearningRuleContract {
    private static final double[][] GS = {{1.0, -2.0}, {0.5, 0.25}, {-3.0, 4.0}};

    @Override
    RuleSpec spec() {
        return new NaturalGradientSpec(0.05, new MetricSpec(Kind.GRADIENT_OUTER, null, 0.9), 0.5);
    }

    @Override
    RuleSpec otherSpec() {
        return new NaturalGradientSpec(0.05, new MetricSpec(Kind.GRADIENT_OUTER, null, 0.8), 0.5);
    }

    /** The same contract on the Hessian metric (needs the task). */
    @Nested
    final class HessianMetricContract extends LearningRuleContract {
        @Override
        RuleSpec spec() {
            return new NaturalGradientSpec(0.1, new MetricSpec(Kind.HESSIAN, null, Double.NaN), 0.1);
        }

        @Override
        RuleSpec otherSpec() {
            return new NaturalGradientSpec(0.1, new MetricSpec(Kind.HESSIAN, null, Double.NaN), 0.2);
        }
    }

    /** x ← M⁻¹ g for a 2×2 symmetric M = [[p, r], [r, s]], by the adjugate. */
    private static double[] inverse2(double p, double r, double s, double[] g) {
        double det = p * s - r * r;
        return new double[] {(s * g[0] - r * g[1]) / det, (-r * g[0] + p * g[1]) / det};
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) assertThat(actual[i]).isCloseTo(expected[i], within(1e-13));
    }

    @Test
    void diagonalMetricByHand() {
        LearningRule rule = new NaturalGradientSpec(
                        0.1, new MetricSpec(Kind.DIAGONAL, List.of(2.0, 0.5), Double.NaN), 0.25)
                .newRule(2, 1.0);
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        for (double[] g : GS) {
            rule.step(theta, g, null);
            expected[0] -= 0.1 * g[0] / 2.25;
            expected[1] -= 0.1 * g[1] / 0.75;
            assertClose(theta, expected);
        }
    }

    @Test
    void denseMetricByHand() {
        // G = [[2, 0.5], [0.5, 1]], δ = 0.1 → M = [[2.1, 0.5], [0.5, 1.1]]
        LearningRule rule = new NaturalGradientSpec(
                        0.1, new MetricSpec(Kind.DENSE, List.of(2.0, 0.5, 0.5, 1.0), Double.NaN), 0.1)
                .newRule(2, 1.0);
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        for (double[] g : GS) {
            rule.step(theta, g, null);
            double[] x = inverse2(2.1, 0.5, 1.1, g);
            for (int i = 0; i < 2; i++) expected[i] -= 0.1 * x[i];
            assertClose(theta, expected);
        }
    }

    @Test
    void hessianMetricByHand() {
        QuadraticTask task = QuadraticTask.rotated(new double[] {0.5, 3.0}, new double[] {1.0, -1.0}, 3);
        DoubleMatrix h = task.hessian.dense();
        double delta = 0.2;
        LearningRule rule =
                new NaturalGradientSpec(0.3, new MetricSpec(Kind.HESSIAN, null, Double.NaN), delta).newRule(2, 1.0);
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        for (double[] g : GS) {
            rule.step(theta, g, task);
            double[] x = inverse2(h.get(0, 0) + delta, h.get(0, 1), h.get(1, 1) + delta, g);
            for (int i = 0; i < 2; i++) expected[i] -= 0.3 * x[i];
            assertClose(theta, expected);
        }
    }

    @Test
    void gradientOuterMetricByHand() {
        double beta = 0.9;
        double delta = 0.5;
        LearningRule rule =
                new NaturalGradientSpec(0.05, new MetricSpec(Kind.GRADIENT_OUTER, null, beta), delta).newRule(2, 1.0);
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        double f00 = 0;
        double f01 = 0;
        double f11 = 0;
        for (double[] g : GS) {
            rule.step(theta, g, null);
            f00 = beta * f00 + (1 - beta) * g[0] * g[0];
            f01 = beta * f01 + (1 - beta) * g[0] * g[1];
            f11 = beta * f11 + (1 - beta) * g[1] * g[1];
            double[] x = inverse2(f00 + delta, f01, f11 + delta, g);
            for (int i = 0; i < 2; i++) expected[i] -= 0.05 * x[i];
            assertClose(theta, expected);
        }
    }

    @Test
    void failedFactorisationMakesWeightsNaN() {
        // 1-D, δ = 0: F = (1 − β) g² is singular when g = 0; the rule must not throw but poison θ
        LearningRule rule =
                new NaturalGradientSpec(0.1, new MetricSpec(Kind.GRADIENT_OUTER, null, 0.5), 0.0).newRule(1, 1.0);
        double[] theta = {0.3};
        rule.step(theta, new double[] {2.0}, null); // F = 2, x = 1
        assertThat(theta[0]).isCloseTo(0.2, within(1e-15));
        LearningRule zero =
                new NaturalGradientSpec(0.1, new MetricSpec(Kind.GRADIENT_OUTER, null, 0.5), 0.0).newRule(1, 1.0);
        double[] t = {0.3};
        zero.step(t, new double[] {0.0}, null);
        assertThat(t[0]).isNaN();
    }

    @Test
    void badMetricsAreRejectedInNewRule() {
        assertThatThrownBy(() -> new NaturalGradientSpec(
                                0.1, new MetricSpec(Kind.DIAGONAL, List.of(1.0, 2.0), Double.NaN), 0)
                        .newRule(3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric.values");
        assertThatThrownBy(() -> new NaturalGradientSpec(
                                0.1, new MetricSpec(Kind.DENSE, List.of(1.0, 0.0, 0.0), Double.NaN), 0)
                        .newRule(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 entries");
        assertThatThrownBy(() -> new NaturalGradientSpec(
                                0.1, new MetricSpec(Kind.DENSE, List.of(1.0, 0.3, 0.2, 1.0), Double.NaN), 0)
                        .newRule(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
        assertThatThrownBy(() -> new NaturalGradientSpec(
                                0.1, new MetricSpec(Kind.DENSE, List.of(1.0, 2.0, 2.0, 1.0), Double.NaN), 0)
                        .newRule(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive-definite");
        assertThatThrownBy(() ->
                        new NaturalGradientSpec(0.1, new MetricSpec(Kind.GRADIENT_OUTER, null, 0.9), 0).newRule(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("damping");
    }

    /** resetEntries zeroes F's rows and columns of those entries (F₀ = 0) and nothing else. */
    @Test
    void resetEntriesZeroesTheirRowsAndColumnsOfF() throws Exception {
        LearningRule rule =
                new NaturalGradientSpec(0.05, new MetricSpec(Kind.GRADIENT_OUTER, null, 0.9), 0.5).newRule(4, 1.0);
        double[] theta = {0.1, 0.2, 0.3, 0.4};
        rule.step(theta, new double[] {1, 2, 3, 4}, null);
        rule.step(theta, new double[] {-1, 0.5, 2, 1}, null);
        java.lang.reflect.Field field = NaturalGradient.class.getDeclaredField("f");
        field.setAccessible(true);
        double[] before = ((double[]) field.get(rule)).clone();
        rule.resetEntries(1, 3);
        double[] after = (double[]) field.get(rule);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                boolean touched = (i >= 1 && i < 3) || (j >= 1 && j < 3);
                assertThat(after[i * 4 + j]).as("F[%d][%d]", i, j).isEqualTo(touched ? 0.0 : before[i * 4 + j]);
                if (!touched) assertThat(before[i * 4 + j]).isNotZero();
            }
        }
    }
}
