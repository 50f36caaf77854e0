package org.driftlab.core.reset;

import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.MlpLayout;

/**
 * {@link SelfNormalizedResetSpec} at run time, after every step: update each hidden unit's counts from the
 * step's activations, then reset the units whose idle time fails the test. A reset unit gets fresh input weights
 * (its row of W, bias included) from the init distribution, v_j = 0 (so the output does not jump; as continual
 * backprop does), the rule's state of those entries reset, and its counts zeroed. A step with at least one reset
 * is one reset event (effective at t + 1). Allocates nothing.
 */
final class SelfNormalizedResetPolicy extends AbstractResetPolicy {
    private final HiddenLayer layer;
    private final MlpLayout layout;
    private final InitDistribution init;
    private final double logRejection; // ln(1 − percentile)
    private final long[] steps;
    private final long[] firings;
    private final long[] idle;

    SelfNormalizedResetPolicy(SelfNormalizedResetSpec spec, ResetContext context) {
        super(spec, context);
        if (context.hiddenLayer() == null) {
            throw new IllegalArgumentException(
                    "self-normalized resets re-initialise hidden units of an MLP learner: it needs a"
                            + " slowly-changing-regression stream");
        }
        this.layer = context.hiddenLayer();
        this.layout = layer.layout();
        this.init = context.init();
        this.logRejection = Math.log1p(-spec.percentile());
        int units = layout.hidden();
        this.steps = new long[units];
        this.firings = new long[units];
        this.idle = new long[units];
    }

    @Override
    public boolean afterStep(long step, double[] theta, LearningRule rule) {
        double[] h = layer.activations();
        boolean any = false;
        for (int j = 0; j < steps.length; j++) {
            steps[j]++;
            if (h[j] > 0) {
                firings[j]++;
                idle[j] = 0;
            } else {
                idle[j]++;
            }
            if (idle[j] > 0 && idle[j] * Math.log1p(-rate(j)) < logRejection) {
                resetUnit(j, theta, rule);
                any = true;
            }
        }
        return any;
    }

    /**
     * p̂_j = (f_j + 1)/(n_j − a_j + 2): the unit's firing rate since its last reset up to its last firing (the
     * current idle run is what is tested, so it is left out of the estimate).
     */
    double rate(int j) {
        return (firings[j] + 1.0) / (steps[j] - idle[j] + 2.0);
    }

    long idle(int j) {
        return idle[j];
    }

    private void resetUnit(int j, double[] theta, LearningRule rule) {
        int from = layout.inputWeightsFrom(j);
        int to = layout.inputWeightsTo(j);
        for (int i = from; i < to; i++) theta[i] = init.draw(i, rng());
        int out = layout.outputWeight(j);
        theta[out] = 0.0;
        rule.resetEntries(from, to);
        rule.resetEntries(out, out + 1);
        steps[j] = 0;
        firings[j] = 0;
        idle[j] = 0;
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        super.copyStateFrom(other);
        SelfNormalizedResetPolicy o = (SelfNormalizedResetPolicy) other;
        System.arraycopy(o.steps, 0, steps, 0, steps.length);
        System.arraycopy(o.firings, 0, firings, 0, firings.length);
        System.arraycopy(o.idle, 0, idle, 0, idle.length);
    }
}
