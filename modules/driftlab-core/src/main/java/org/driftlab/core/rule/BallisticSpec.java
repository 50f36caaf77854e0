package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * The paper authors' "ballistic" rule: v ← β2 v + (1 − β2) g² with v₀ = 0 and no bias correction;
 * θ ← θ − lr·g / √(v + ε) (ε inside the root).
 */
public record BallisticSpec(double lr, double beta2, double eps) implements RuleSpec {
    public BallisticSpec {
        Require.positive("lr", lr);
        Require.unitFromZero("beta2", beta2);
        Require.positive("eps", eps);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new Ballistic(this, dim);
    }
}
