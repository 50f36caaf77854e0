package org.driftlab.core.rule;

/**
 * The switch-aware observer for quadratic tasks (DESIGN §7, the best reference): its weights are the Bayes
 * posterior mean of the current task's optimum given the true switch times, i.e. the conjugate Gaussian
 * posterior (prior N(μ0, σ0² I), the stream's noise model) on the evidence since the latest true switch. It
 * bounds every policy that knows when switches happen, and takes no reset policy. Needs task knowledge (H, σ_g
 * and the switch times); no parameters.
 */
public record SwitchAwareObserverSpec() implements RuleSpec {
    @Override
    public LearningRule newRule(int dim, double dt) {
        return new SwitchAwareObserver(this, dim);
    }
}
