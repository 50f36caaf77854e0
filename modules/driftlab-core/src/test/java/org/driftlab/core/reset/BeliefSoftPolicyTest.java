package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeliefSoftPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new BeliefSoftSpec(new BeliefTrigger(0.3, 4, ResetTarget.INIT, false));
    }

    @Test
    void ordersTheFractionWhenPChangeCrossesTauUpward() {
        ResetPolicy p = newPolicy();
        assertThat(p.window(10)).isEqualTo(4);
        assertThat(p.onBelief(0, 0.1, null)).isNull();
        assertThat(p.onBelief(1, 0.35, null)).isEqualTo(new ResetOrder(1, 0.35, -1, -1));
        // p_change restarts from 0 at a reset (DESIGN §6), so the first value above τ after it is a new crossing
        assertThat(p.onBelief(2, 0.8, null)).isEqualTo(new ResetOrder(2, 0.8, -1, -1));
        assertThat(p.onBelief(3, 0.1, null)).isNull();
        assertThat(p.onBelief(4, 0.6, null)).isEqualTo(new ResetOrder(4, 0.6, -1, -1));
    }

    @Test
    void aPartialResetTowardThePosteriorMeanMovesTheFractionOfTheWay() {
        ResetPolicy p =
                new BeliefSoftSpec(new BeliefTrigger(0.3, 4, ResetTarget.POSTERIOR_MEAN, true)).newPolicy(context());
        ResetOrder order = p.onBelief(3, 0.25 + 0.3, new BeliefThresholdPolicyTest.KnownMean());
        double[] theta = {3, 1, 5};
        p.apply(order, theta);
        assertThat(theta).containsExactly(3 + 0.55 * (1 - 3), 1 + 0.55 * (2 - 1), 5 + 0.55 * (3 - 5));
    }

    @Test
    void aPartialResetMovesTheFractionOfTheWay() {
        double[] theta = {3, 1, 5};
        newPolicy().apply(new ResetOrder(7, 0.25, -1, -1), theta);
        assertThat(theta).containsExactly(3 + 0.25 * (1 - 3), 1 + 0.25 * (-1 - 1), 5 + 0.25 * (3 - 5));
    }
}
