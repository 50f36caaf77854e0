package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class BallisticTest extends LearningRuleContract {
    @Override
    RuleSpec spec() {
        return new BallisticSpec(0.01, 0.99, 1e-8);
    }

    @Override
    RuleSpec otherSpec() {
        return new BallisticSpec(0.02, 0.99, 1e-8);
    }

    /** v ← β2 v + (1 − β2) g², v₀ = 0, no bias correction; θ ← θ − lr g / √(v + ε), ε inside the root. */
    @Test
    void threeStepsByHand() {
        double lr = 0.01;
        double beta2 = 0.9;
        double eps = 0.1;
        double[][] gs = {{1.0, -2.0}, {0.5, 0.25}, {-3.0, 4.0}};
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        double[] v = new double[2];
        LearningRule rule = new BallisticSpec(lr, beta2, eps).newRule(2, 1.0);
        for (double[] g : gs) {
            rule.step(theta, g, null);
            for (int i = 0; i < 2; i++) {
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                expected[i] -= lr * g[i] / Math.sqrt(v[i] + eps);
                assertThat(theta[i]).isCloseTo(expected[i], within(1e-15));
            }
        }
        // first step for coordinate 0 written out: v = 0.1, √(0.2): θ = 0.1 − 0.01/0.4472135954999579
        LearningRule fresh = new BallisticSpec(lr, beta2, eps).newRule(1, 1.0);
        double[] t = {0.1};
        fresh.step(t, new double[] {1.0}, null);
        assertThat(t[0]).isCloseTo(0.1 - 0.01 / 0.4472135954999579, within(1e-16));
    }
}
