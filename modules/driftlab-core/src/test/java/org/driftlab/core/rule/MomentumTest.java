package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class MomentumTest extends LearningRuleContract {
    private static final double[][] GS = {{1.0, -2.0}, {0.5, 0.25}, {-3.0, 4.0}, {0.7, 0.1}};

    @Override
    RuleSpec spec() {
        return new MomentumSpec(0.05, 0.9, false);
    }

    @Override
    RuleSpec otherSpec() {
        return new MomentumSpec(0.05, 0.9, true);
    }

    /** PyTorch SGD(momentum=μ, dampening=0): b₁ = g₁, b_t = μ b_{t−1} + g_t; heavy ball θ −= lr b, Nesterov θ −= lr (g + μ b). */
    private static void check(boolean nesterov) {
        double lr = 0.05;
        double mu = 0.9;
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        double[] b = new double[2];
        LearningRule rule = new MomentumSpec(lr, mu, nesterov).newRule(2, 1.0);
        for (int t = 0; t < GS.length; t++) {
            rule.step(theta, GS[t], null);
            for (int i = 0; i < 2; i++) {
                b[i] = t == 0 ? GS[t][i] : mu * b[i] + GS[t][i];
                expected[i] -= lr * (nesterov ? GS[t][i] + mu * b[i] : b[i]);
            }
            for (int i = 0; i < 2; i++) assertThat(theta[i]).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void heavyBallByHand() {
        check(false);
    }

    @Test
    void nesterovByHand() {
        check(true);
    }

    @Test
    void heavyBallValuesWrittenOut() {
        // 1-D, lr 0.1, μ 0.5, g = 1, 2, 3: b = 1, 2.5, 4.25; θ = −0.1, −0.35, −0.775
        LearningRule rule = new MomentumSpec(0.1, 0.5, false).newRule(1, 1.0);
        double[] theta = {0.0};
        double[] expected = {-0.1, -0.35, -0.775};
        for (int t = 0; t < 3; t++) {
            rule.step(theta, new double[] {t + 1.0}, null);
            assertThat(theta[0]).isCloseTo(expected[t], within(1e-15));
        }
    }
}
