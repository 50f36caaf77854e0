package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SgdTest extends LearningRuleContract {
    @Override
    RuleSpec spec() {
        return new SgdSpec(0.05);
    }

    @Override
    RuleSpec otherSpec() {
        return new SgdSpec(0.06);
    }

    @Test
    void threeStepsByHand() {
        double lr = 0.05;
        double[][] gs = {{1.0, -2.0}, {0.5, 0.25}, {-3.0, 4.0}};
        double[] theta = {0.1, 0.2};
        double[] expected = theta.clone();
        LearningRule rule = new SgdSpec(lr).newRule(2, 1.0);
        for (double[] g : gs) {
            rule.step(theta, g, null);
            for (int i = 0; i < 2; i++) expected[i] -= lr * g[i];
            assertThat(theta).containsExactly(expected);
        }
    }
}
