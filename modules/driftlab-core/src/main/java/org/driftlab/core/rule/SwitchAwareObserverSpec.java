package org.driftlab.core.rule;

import org.driftlab.core.check.Require;

/**
 * The switch-aware observer for quadratic tasks (DESIGN §7, the best reference): its weights are the Bayes
 * prediction of the next step's optimum given the evidence and the true switch times so far: the conjugate
 * Gaussian posterior (prior N(μ0, σ0² I), the stream's noise model) on the evidence since the latest true switch,
 * mixed with the prior mean by the switch probability {@code hazard} of the next step, as the ideal observer's
 * BOCPD mixes in its run length 0. No causal policy that knows when switches happened can have a lower expected
 * loss. Needs task knowledge (H, σ_g and the switch times) and no reset policy.
 */
public record SwitchAwareObserverSpec(double hazard) implements RuleSpec {
    public SwitchAwareObserverSpec {
        Require.openUnit("hazard", hazard);
    }

    @Override
    public LearningRule newRule(int dim, double dt) {
        return new SwitchAwareObserver(this, dim);
    }
}
