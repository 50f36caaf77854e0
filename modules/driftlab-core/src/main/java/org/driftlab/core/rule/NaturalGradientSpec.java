package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * Natural gradient: θ ← θ − lr·(F + δI)⁻¹ g with F the {@code metric} (fixed, the task's Hessian, or an
 * exponential average of g gᵀ) and δ = {@code damping}; solved by Cholesky (or the Hessian's own
 * eigendecomposition), never by inversion. {@code newRule} rejects a diagonal/dense metric whose size does not
 * fit dim, a dense G that is not symmetric or with G + δI not positive-definite, and a gradient-outer metric
 * with δ = 0 in dim > 1. A factorisation that fails mid-run (gradient-outer) sets θ to NaN.
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
        return new NaturalGradient(this, dim);
    }
}
