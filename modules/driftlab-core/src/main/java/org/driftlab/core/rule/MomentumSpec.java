package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * Heavy-ball momentum with PyTorch's semantics (dampening 0): b ← μ b + g; θ ← θ − lr·b, or with
 * {@code nesterov}: θ ← θ − lr·(g + μ b). On the first step after build or reset b ← g (PyTorch).
 */
public record MomentumSpec(double lr, double momentum, boolean nesterov) implements RuleSpec {
    public MomentumSpec {
        Require.positive("lr", lr);
        Require.unitFromZero("momentum", momentum);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new Momentum(this, dim);
    }
}
