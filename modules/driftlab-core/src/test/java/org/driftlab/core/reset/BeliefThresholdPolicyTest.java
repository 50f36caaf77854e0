package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeliefThresholdPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.FRESH_DRAW, true));
    }

    @Test
    void ordersAFullResetAtEveryStepAboveTau() {
        ResetPolicy p = newPolicy();
        assertThat(p.window(10)).isEqualTo(5);
        assertThat(p.onBelief(3, 0.5, null)).isNull();
        assertThat(p.onBelief(4, 0.51, null)).isEqualTo(ResetOrder.full(4));
        assertThat(p.onBelief(5, 0.9, null)).isEqualTo(ResetOrder.full(5));
    }

    /** A belief whose new run's posterior mean is (1, 2, 3). */
    static final class KnownMean extends ScriptedFilter {
        int window;

        @Override
        public void newRunPosteriorMean(int window, double[] out) {
            this.window = window;
            for (int i = 0; i < out.length; i++) out[i] = i + 1;
        }
    }

    @Test
    void aPosteriorMeanTargetComesWithTheOrder() {
        ResetPolicy belief = new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.POSTERIOR_MEAN, true))
                .newPolicy(context());
        KnownMean posterior = new KnownMean();
        ResetOrder order = belief.onBelief(8, 0.9, posterior);
        assertThat(posterior.window).isEqualTo(5);
        assertThat(order.step()).isEqualTo(8);
        assertThat(order.target()).containsExactly(1, 2, 3);
        double[] theta = {9, 9, 9};
        new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.POSTERIOR_MEAN, true))
                .newPolicy(context())
                .apply(order, theta);
        assertThat(theta).containsExactly(1, 2, 3);
    }

    @Test
    void appliesTheOrderToItsTarget() {
        double[] theta = {9, 9, 9};
        new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.INIT, true))
                .newPolicy(context())
                .apply(ResetOrder.full(3), theta);
        assertThat(theta).containsExactly(THETA0);
    }
}
