package org.driftlab.core.rule;

/**
 * An immutable, validated learning-rule configuration (DESIGN §5). {@link #newRule} is the only place a
 * rule allocates; the rule it returns is confined to one learner.
 */
public sealed interface RuleSpec
        permits SgdSpec,
                MomentumSpec,
                RmsPropSpec,
                AdamSpec,
                BallisticSpec,
                NaturalGradientSpec,
                OptimalControlSpec,
                IdealObserverSpec,
                SwitchAwareObserverSpec {
    /**
     * A fresh rule for {@code dim}-dimensional weights.
     *
     * @param dt the simulated time per step (used by continuous-time rules; others ignore it)
     * @throws IllegalArgumentException when the spec's own shapes (e.g. a metric) do not fit {@code dim}
     */
    LearningRule newRule(int dim, double dt);
}
