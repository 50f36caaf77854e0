package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * The ideal observer for quadratic tasks (DESIGN §6): its weights are the posterior mean E[w* | z_1:t] of
 * its own BOCPD (Gaussian known-noise model matching the stream, hazard {@code hazard}). It needs task
 * knowledge (H and σ_g) and no reset policy.
 */
public record IdealObserverSpec(double hazard, double pruneTolerance, int maxRunLength) implements RuleSpec {
    public IdealObserverSpec {
        Require.openUnit("hazard", hazard);
        Require.nonNegative("prune", pruneTolerance);
        Require.positive("r-max", maxRunLength);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new IdealObserver(this, dim);
    }
}
