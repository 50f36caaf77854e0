package org.driftlab.core.rule;

import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.check.Require;

/**
 * The paper's normative rule (DESIGN §5): the exact optimal flow over one step of length dt for the
 * objective J with discount {@code gamma}, mobility {@code eta}, loss weight {@code k}, constant metric G
 * ({@code metric}: identity, diagonal or dense) and decay default dynamics f(θ) = −{@code decay}·θ.
 * The quadratic belief (m, V) comes from {@code source}; {@code filter} is required for FILTERED only,
 * {@code belief} (a BOCPD with the gaussian model: the run's belief block, attached at load by
 * {@link #withBelief}) for BELIEF only, where {@code newRule} needs it.
 * {@code newRule} needs a finite dt > 0 and rejects a metric whose size does not fit dim or a dense G that is
 * not symmetric positive-definite. Equations: {@code package-info} and the rule's class comment.
 */
public record OptimalControlSpec(
        double gamma,
        double eta,
        double k,
        MetricSpec metric,
        double decay,
        BeliefSource source,
        KalmanFilterSpec filter,
        BocpdSpec belief)
        implements RuleSpec {
    public OptimalControlSpec {
        Require.nonNegative("gamma", gamma);
        Require.positive("eta", eta);
        Require.positive("k", k);
        Require.nonNull("metric", metric);
        if (!metric.isConstant()) {
            throw new IllegalArgumentException(
                    "metric must be identity, diagonal or dense for optimal-control, got " + metric.kind());
        }
        Require.nonNegative("decay", decay);
        Require.nonNull("source", source);
        if (source == BeliefSource.FILTERED) Require.nonNull("filter", filter);
        if (belief != null) {
            if (source != BeliefSource.BELIEF)
                throw new IllegalArgumentException("source must be belief when a belief is attached, got " + source);
            if (!(belief.model() instanceof GaussianModelSpec)) {
                throw new IllegalArgumentException(
                        "source = belief needs the gaussian observation model, got " + belief.model());
            }
        }
    }

    /** A rule whose belief source is not BELIEF (no belief attached). */
    public OptimalControlSpec(
            double gamma,
            double eta,
            double k,
            MetricSpec metric,
            double decay,
            BeliefSource source,
            KalmanFilterSpec filter) {
        this(gamma, eta, k, metric, decay, source, filter, null);
    }

    /** This rule steering by {@code belief} (the run's belief block, attached at load). */
    public OptimalControlSpec withBelief(BocpdSpec belief) {
        return new OptimalControlSpec(gamma, eta, k, metric, decay, source, filter, belief);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new OptimalControl(this, dim, dt);
    }
}
