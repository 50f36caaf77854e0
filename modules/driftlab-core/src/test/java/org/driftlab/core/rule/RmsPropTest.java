package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class RmsPropTest extends LearningRuleContract {
    @Override
    RuleSpec spec() {
        return new RmsPropSpec(0.01, 0.99, 1e-8);
    }

    @Override
    RuleSpec otherSpec() {
        return new RmsPropSpec(0.01, 0.9, 1e-8);
    }

    /** PyTorch RMSprop: v ← α v + (1 − α) g², θ ← θ − lr g / (√v + ε); ε large so its place shows. */
    @Test
    void threeStepsByHand() {
        double lr = 0.01;
        double alpha = 0.9;
        double eps = 0.1;
        double[][] gs = {{1.0, -2.0}, {0.5, 0.25}, {-3.0, 4.0}};
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        double[] v = new double[2];
        LearningRule rule = new RmsPropSpec(lr, alpha, eps).newRule(2, 1.0);
        for (double[] g : gs) {
            rule.step(theta, g, null);
            for (int i = 0; i < 2; i++) {
                v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
                expected[i] -= lr * g[i] / (Math.sqrt(v[i]) + eps);
                assertThat(theta[i]).isCloseTo(expected[i], within(1e-15));
            }
        }
        // first step written out for coordinate 0: v = 0.1, θ = 0.1 − 0.01 / (√0.1 + 0.1)
        LearningRule fresh = new RmsPropSpec(lr, alpha, eps).newRule(1, 1.0);
        double[] t = {0.1};
        fresh.step(t, new double[] {1.0}, null);
        assertThat(t[0]).isCloseTo(0.1 - 0.01 / (0.31622776601683794 + 0.1), within(1e-16));
    }
}
