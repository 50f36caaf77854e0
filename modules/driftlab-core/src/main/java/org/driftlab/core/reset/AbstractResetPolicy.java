package org.driftlab.core.reset;

import java.util.function.BiConsumer;
import org.driftlab.core.belief.TaskBelief;
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
    private final BiConsumer<double[], double[]> fromEvidence;
    private final double[] targetWeights;

    AbstractResetPolicy(ResetSpec spec, ResetContext context) {
        this.spec = spec;
        this.theta0 = context.theta0();
        this.init = context.init();
        this.rng = context.rng();
        this.fromEvidence = context.fromEvidence();
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
            default: // POSTERIOR_MEAN comes with the belief's order (see carryOut)
                throw new IllegalStateException("target " + spec.target() + " needs the belief's order");
        }
        moveToward(theta, fraction, targetWeights);
    }

    private static void moveToward(double[] theta, double fraction, double[] target) {
        if (fraction == 1.0) {
            System.arraycopy(target, 0, theta, 0, theta.length);
        } else {
            for (int i = 0; i < theta.length; i++) theta[i] += fraction * (target[i] - theta[i]);
        }
    }

    /**
     * Belief side: the order of a reset of {@code fraction} from step {@code step}'s observation, with the
     * target the belief supplies when the spec's target is POSTERIOR_MEAN (the new run's posterior mean within
     * the last {@code window} steps, mapped from evidence coordinates to weights). Allocates the order.
     */
    final ResetOrder order(long step, double fraction, TaskBelief belief, int window) {
        if (spec.target() != ResetTarget.POSTERIOR_MEAN) return new ResetOrder(step, fraction, -1, -1);
        double[] evidenceMean = new double[theta0.length];
        belief.newRunPosteriorMean(window, evidenceMean);
        double[] target = new double[theta0.length];
        fromEvidence.accept(evidenceMean, target);
        return new ResetOrder(step, fraction, -1, -1, target);
    }

    /** Learner side: θ moves the order's fraction of the way to its target, or to the spec's. Modifies {@code theta}. */
    final void carryOut(ResetOrder order, double[] theta) {
        if (order.target() != null) {
            if (order.target().length != theta.length) {
                throw new IllegalArgumentException(
                        "the order's target has " + order.target().length + " weights, θ has " + theta.length);
            }
            moveToward(theta, order.fraction(), order.target());
        } else {
            reset(theta, order.fraction());
        }
    }

    /** The POLICY stream, for policies that draw more than targets. */
    final Rng rng() {
        return rng;
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        if (!(other instanceof AbstractResetPolicy o)
                || !o.spec.equals(spec)
                || o.targetWeights.length != targetWeights.length) {
            throw new IllegalArgumentException("cannot copy the state of a reset policy of another spec");
        }
        rng.copyStateFrom(o.rng);
    }
}
