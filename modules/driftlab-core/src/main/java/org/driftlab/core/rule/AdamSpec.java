package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * Adam / AdamW with PyTorch's semantics (bias correction, ε outside the root). {@code weightDecay} λ is
 * coupled (g ← g + λθ, Adam) or, when {@code decoupled}, applied as θ ← θ − lr·λ·θ before the update (AdamW).
 */
public record AdamSpec(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled)
        implements RuleSpec {
    public AdamSpec {
        Require.positive("lr", lr);
        Require.unitFromZero("beta1", beta1);
        Require.unitFromZero("beta2", beta2);
        Require.positive("eps", eps);
        Require.nonNegative("weight-decay", weightDecay);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new Adam(this, dim);
    }
}
