package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class AdamTest extends LearningRuleContract {
    private static final double[][] GS = {{1.0, -2.0}, {0.5, 0.25}, {-3.0, 4.0}, {0.2, -0.1}};

    @Override
    RuleSpec spec() {
        return new AdamSpec(0.01, 0.9, 0.999, 1e-8, 0.0, false);
    }

    @Override
    RuleSpec otherSpec() {
        return new AdamSpec(0.01, 0.9, 0.999, 1e-8, 0.01, true);
    }

    /**
     * Textbook Adam (Kingma & Ba, with PyTorch's ε outside the root of the bias-corrected v̂): m ← β1 m + (1 − β1) g,
     * v ← β2 v + (1 − β2) g², m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ), θ ← θ − lr m̂ / (√v̂ + ε); coupled decay
     * g ← g + λθ; AdamW θ ← θ(1 − lr λ) first. ε is large so that where it sits changes the result.
     */
    private static void check(double weightDecay, boolean decoupled) {
        double lr = 0.01;
        double beta1 = 0.8;
        double beta2 = 0.9;
        double eps = 0.05;
        double[] theta = {0.3, -0.2};
        double[] expected = theta.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        LearningRule rule = new AdamSpec(lr, beta1, beta2, eps, weightDecay, decoupled).newRule(2, 1.0);
        for (int t = 1; t <= GS.length; t++) {
            rule.step(theta, GS[t - 1], null);
            for (int i = 0; i < 2; i++) {
                double g = GS[t - 1][i];
                if (decoupled) expected[i] -= lr * weightDecay * expected[i];
                else g += weightDecay * expected[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                expected[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                assertThat(theta[i]).as("step %d coordinate %d", t, i).isCloseTo(expected[i], within(1e-14));
            }
        }
    }

    @Test
    void adamByHand() {
        check(0.0, false);
    }

    @Test
    void adamWithCoupledWeightDecayByHand() {
        check(0.1, false);
    }

    @Test
    void adamWByHand() {
        check(0.1, true);
    }

    @Test
    void firstStepIsSignTimesLrWhenEpsIsTiny() {
        // bias correction makes the first step lr·g/(|g| + ε'): with ε ≪ |g| it is lr·sign(g), whatever β
        LearningRule rule = new AdamSpec(0.01, 0.9, 0.999, 1e-12, 0.0, false).newRule(2, 1.0);
        double[] theta = {0.0, 0.0};
        rule.step(theta, new double[] {3.0, -0.5}, null);
        assertThat(theta[0]).isCloseTo(-0.01, within(1e-12));
        assertThat(theta[1]).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void resetRestartsBiasCorrection() {
        LearningRule rule = new AdamSpec(0.01, 0.9, 0.999, 1e-12, 0.0, false).newRule(1, 1.0);
        double[] theta = {0.0};
        for (int i = 0; i < 50; i++) rule.step(theta, new double[] {1.0}, null);
        rule.reset();
        double before = theta[0];
        rule.step(theta, new double[] {-4.0}, null);
        assertThat(theta[0] - before).isCloseTo(0.01, within(1e-12)); // t = 1 again: a full lr·sign(g) step
    }

    /**
     * Adam is per-coordinate: after resetEntries(1, 3), entries 0 and 3 continue as in a rule never reset, and
     * entries 1, 2 as in a fresh rule fed the same gradients from then on (own step count: bias correction
     * restarts, as Dohare et al.'s AdamGnT). A later copy carries the per-entry step counts.
     */
    @Test
    void resetEntriesRestartsOnlyThoseEntries() {
        AdamSpec spec = new AdamSpec(0.01, 0.8, 0.9, 1e-3, 0.0, false);
        org.driftlab.core.random.Rng rng = org.driftlab.core.random.SeedStreams.of(3, 3).stream("g");
        double[][] gs = new double[30][4];
        for (double[] g : gs) for (int i = 0; i < 4; i++) g[i] = rng.nextGaussian();
        LearningRule reset = spec.newRule(4, 1.0);
        LearningRule never = spec.newRule(4, 1.0);
        double[] a = {0.1, 0.2, 0.3, 0.4};
        double[] b = a.clone();
        for (int s = 0; s < 12; s++) {
            reset.step(a, gs[s], null);
            never.step(b, gs[s], null);
        }
        reset.resetEntries(1, 3);
        LearningRule fresh = spec.newRule(4, 1.0);
        double[] c = a.clone();
        LearningRule copy = spec.newRule(4, 1.0);
        double[] d = null;
        for (int s = 12; s < 30; s++) {
            if (s == 20) {
                copy.copyStateFrom(reset);
                d = a.clone();
            }
            reset.step(a, gs[s], null);
            never.step(b, gs[s], null);
            fresh.step(c, gs[s], null);
            if (d != null) copy.step(d, gs[s], null);
            assertThat(a[0]).isEqualTo(b[0]);
            assertThat(a[3]).isEqualTo(b[3]);
            assertThat(a[1]).isEqualTo(c[1]);
            assertThat(a[2]).isEqualTo(c[2]);
            if (d != null) assertThat(d).containsExactly(a);
        }
        assertThat(a[1]).isNotEqualTo(b[1]);
    }
}
