package org.driftlab.core.reset;

import org.driftlab.core.random.Rng;
import org.driftlab.core.stream.InitDistribution;

/**
 * The part every policy shares: its spec, θ₀, the moves to its {@link ResetTarget}, the POLICY random
 * stream that fresh draws use, and a workspace of length d.
 */
abstract class AbstractResetPolicy implements ResetPolicy {
    private final ResetSpec spec;
    private final double[] theta0;
    private final InitDistribution init;
    private final Rng rng;
    private final double[] targetWeights;

    AbstractResetPolicy(ResetSpec spec, ResetContext context) {
        this.spec = spec;
        this.theta0 = context.theta0();
        this.init = context.init();
        this.rng = context.rng();
        this.targetWeights = new double[theta0.length];
    }

    @Override
    public final ResetSpec spec() {
        return spec;
    }

    /** θ₀, never modified. */
    final double[] theta0() {
        return theta0;
    }

    /**
     * θ ← θ + fraction·(θ_reset − θ) with θ_reset the spec's target: the initial weights, the mean of the init
     * distribution (μ0·1 for the Gaussian prior), or a fresh draw from it (POLICY stream, one draw per
     * non-point-mass coordinate). A full reset (fraction 1) sets θ to the target exactly. Modifies {@code theta}.
     */
    final void reset(double[] theta, double fraction) {
        switch (spec.target()) {
            case INIT:
                System.arraycopy(theta0, 0, targetWeights, 0, targetWeights.length);
                break;
            case PRIOR_MEAN:
                for (int i = 0; i < targetWeights.length; i++) targetWeights[i] = init.mean(i);
                break;
            case FRESH_DRAW:
                for (int i = 0; i < targetWeights.length; i++) targetWeights[i] = init.draw(i, rng);
                break;
            default:
                throw new IllegalStateException("unknown target " + spec.target());
        }
        if (fraction == 1.0) {
            System.arraycopy(targetWeights, 0, theta, 0, theta.length);
        } else {
            for (int i = 0; i < theta.length; i++) theta[i] += fraction * (targetWeights[i] - theta[i]);
        }
    }

    /** The POLICY stream, for policies that draw more than targets. */
    final Rng rng() {
        return rng;
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        if (!(other instanceof AbstractResetPolicy o) || !o.spec.equals(spec) || o.targetWeights.length != targetWeights.length) {
            throw new IllegalArgumentException("cannot copy the state of a reset policy of another spec");
        }
        rng.copyStateFrom(o.rng);
    }
}
