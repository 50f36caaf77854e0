package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PeriodicResetPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new PeriodicResetSpec(3, ResetTarget.FRESH_DRAW, true);
    }

    @Test
    void actsAfterEveryPeriodthStep() {
        ResetPolicy p = new PeriodicResetSpec(3, ResetTarget.INIT, false).newPolicy(context());
        for (long t = 0; t < 10; t++) {
            double[] theta = {9, 9, 9};
            boolean acted = p.afterStep(t, theta, null);
            assertThat(acted).as("step %d", t).isEqualTo(t % 3 == 2);
            assertThat(theta).isEqualTo(acted ? THETA0 : new double[] {9, 9, 9});
            assertThat(p.beforeStep(t, true, theta)).isFalse();
        }
        assertThat(p.resetsRuleState()).isFalse();
    }

    @Test
    void targetsAreTheInitialWeightsThePriorMeanOrAFreshDraw() {
        double[] theta = {10, 20, 30};
        new PeriodicResetSpec(1, ResetTarget.INIT, true).newPolicy(context()).afterStep(0, theta, null);
        assertThat(theta).containsExactly(THETA0);
        new PeriodicResetSpec(1, ResetTarget.PRIOR_MEAN, true)
                .newPolicy(context())
                .afterStep(0, theta, null);
        assertThat(theta).containsOnly(0.5);
        ResetPolicy fresh = newPolicy();
        fresh.afterStep(2, theta, null);
        double[] first = theta.clone();
        fresh.afterStep(2, theta, null);
        assertThat(theta).isNotEqualTo(first); // a new draw each time
        double[] again = {0, 0, 0};
        newPolicy().afterStep(2, again, null);
        assertThat(again).isEqualTo(first); // from the seeded POLICY stream
    }

    @Test
    void freshDrawsFollowThePrior() {
        ResetPolicy fresh = new PeriodicResetSpec(1, ResetTarget.FRESH_DRAW, true)
                .newPolicy(ResetContext.of(new double[1], PRIOR, 0, SEEDS));
        double[] theta = new double[1];
        int n = 20000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            fresh.afterStep(0, theta, null);
            sum += theta[0];
            sumSq += (theta[0] - 0.5) * (theta[0] - 0.5);
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.05));
        assertThat(sumSq / n).isCloseTo(4.0, within(0.15));
    }
}
