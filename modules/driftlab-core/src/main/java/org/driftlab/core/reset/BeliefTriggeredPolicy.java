package org.driftlab.core.reset;

/**
 * The part belief-threshold and belief-soft share: the threshold τ on p_change(w), the window w, and carrying out
 * their orders toward the target (the spec's, or the belief's posterior mean).
 */
abstract class BeliefTriggeredPolicy extends AbstractResetPolicy {
    final double tau;
    final int window;

    BeliefTriggeredPolicy(ResetSpec spec, double tau, int window, ResetContext context) {
        super(spec, context);
        this.tau = tau;
        this.window = window;
    }

    @Override
    public final int window(int detectionWindow) {
        return window;
    }

    @Override
    public final void apply(ResetOrder order, double[] theta) {
        carryOut(order, theta);
    }
}
