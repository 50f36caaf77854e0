package org.driftlab.core.reset;

import org.driftlab.core.rule.LearningRule;

/**
 * θ ← λθ + σε, ε ~ N(0, I) from the POLICY stream (none drawn when σ = 0), after steps every − 1,
 * 2·every − 1, …; the rule's state is kept (Ash &amp; Adams keep the optimizer's state).
 */
final class ShrinkPerturbPolicy extends AbstractResetPolicy {
    private final double lambda;
    private final double sigma;
    private final long every;

    ShrinkPerturbPolicy(ShrinkPerturbSpec spec, ResetContext context) {
        super(spec, context);
        this.lambda = spec.lambda();
        this.sigma = spec.sigma();
        this.every = spec.every();
    }

    @Override
    public boolean afterStep(long step, double[] theta, LearningRule rule) {
        if ((step + 1) % every != 0) return false;
        for (int i = 0; i < theta.length; i++) {
            double e = sigma == 0 ? 0 : rng().nextGaussian();
            theta[i] = lambda * theta[i] + sigma * e;
        }
        return true;
    }
}
