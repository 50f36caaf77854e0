package org.driftlab.core.rule;

import org.driftlab.core.spec.Require;

/**
 * Natural gradient: θ ← θ − lr·(F + δI)⁻¹ g with F the {@code metric} (fixed, the task's Hessian, or an
 * exponential average of g gᵀ) and δ = {@code damping}; solved by Cholesky, never by inversion.
 */
public record NaturalGradientSpec(double lr, MetricSpec metric, double damping) implements RuleSpec {
    public NaturalGradientSpec {
        Require.positive("lr", lr);
        Require.nonNull("metric", metric);
        if (metric.kind() == MetricSpec.Kind.IDENTITY) {
            throw new IllegalArgumentException("metric must not be identity for natural-gradient (that is sgd)");
        }
        Require.nonNegative("damping", damping);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        throw new UnsupportedOperationException("TODO(rules): NaturalGradient");
    }
}
