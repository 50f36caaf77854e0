package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * The paper's normative rule (DESIGN §5): the exact optimal flow over one step of length dt for the
 * objective J with discount {@code gamma}, mobility {@code eta}, loss weight {@code k}, constant metric G
 * ({@code metric}: identity, diagonal or dense) and decay default dynamics f(θ) = −{@code decay}·θ.
 * The quadratic belief (m, V) comes from {@code source}; {@code filter} is required for FILTERED only.
 * {@code newRule} needs a finite dt > 0 and rejects a metric whose size does not fit dim or a dense G that is
 * not symmetric positive-definite. Equations: {@code package-info} and the rule's class comment.
 */
public record OptimalControlSpec(double gamma, double eta, double k, MetricSpec metric, double decay,
                                 BeliefSource source, KalmanFilterSpec filter) implements RuleSpec {
    public OptimalControlSpec {
        Require.nonNegative("gamma", gamma);
        Require.positive("eta", eta);
        Require.positive("k", k);
        Require.nonNull("metric", metric);
        if (!metric.isConstant()) {
            throw new IllegalArgumentException("metric must be identity, diagonal or dense for optimal-control, got " + metric.kind());
        }
        Require.nonNegative("decay", decay);
        Require.nonNull("source", source);
        if (source == BeliefSource.FILTERED) Require.nonNull("filter", filter);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new OptimalControl(this, dim, dt);
    }
}
