package org.driftlab.core.reset;

import org.driftlab.core.rule.LearningRule;

/** Continual backprop after every step (see {@link ContinualBackprop}); a step with a replacement is a reset event. */
final class ContinualBackpropPolicy extends AbstractResetPolicy {
    private final ContinualBackprop cbp;

    ContinualBackpropPolicy(ContinualBackpropSpec spec, ResetContext context) {
        super(spec, context);
        if (context.hiddenLayer() == null) {
            throw new IllegalArgumentException(
                    "continual-backprop needs an MLP learner (a slowly-changing-regression stream)");
        }
        this.cbp = new ContinualBackprop(spec, context.hiddenLayer(), context.init());
    }

    @Override
    public boolean afterStep(long step, double[] theta, LearningRule rule) {
        return cbp.afterStep(theta, rule, rng()) > 0;
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        super.copyStateFrom(other);
        cbp.copyStateFrom(((ContinualBackpropPolicy) other).cbp);
    }
}
