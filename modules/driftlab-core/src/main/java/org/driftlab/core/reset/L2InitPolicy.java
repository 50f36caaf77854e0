package org.driftlab.core.reset;

/** g ← g + λ(θ − θ₀): the rule sees the gradient regularised toward the initial weights; never resets. */
final class L2InitPolicy extends AbstractResetPolicy {
    private final double lambda;

    L2InitPolicy(L2InitSpec spec, ResetContext context) {
        super(spec, context);
        this.lambda = spec.lambda();
    }

    @Override
    public void regularise(double[] theta, double[] g) {
        double[] theta0 = theta0();
        for (int i = 0; i < g.length; i++) g[i] += lambda * (theta[i] - theta0[i]);
    }
}
