package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/** RMSprop with PyTorch's semantics: v ← α v + (1 − α) g²; θ ← θ − lr·g / (√v + ε). */
public record RmsPropSpec(double lr, double alpha, double eps) implements RuleSpec {
    public RmsPropSpec {
        Require.positive("lr", lr);
        Require.openUnit("alpha", alpha);
        Require.positive("eps", eps);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new RmsProp(this, dim);
    }
}
