package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/** Plain SGD: θ ← θ − lr·g. */
public record SgdSpec(double lr) implements RuleSpec {
    public SgdSpec {
        Require.positive("lr", lr);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new Sgd(this, dim);
    }
}
