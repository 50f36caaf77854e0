package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShrinkPerturbPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new ShrinkPerturbSpec(0.9, 0.05, 4);
    }

    @Test
    void shrinksAndPerturbsEveryNthStepKeepingTheRuleState() {
        ResetPolicy shrink = new ShrinkPerturbSpec(0.5, 0.0, 2).newPolicy(context());
        double[] theta = {2, 4, 6};
        assertThat(shrink.afterStep(0, theta, null)).isFalse();
        assertThat(shrink.afterStep(1, theta, null)).isTrue();
        assertThat(theta).containsExactly(1, 2, 3);
        ResetPolicy perturb = new ShrinkPerturbSpec(1.0, 0.1, 1).newPolicy(context());
        double[] t2 = {2, 4, 6};
        perturb.afterStep(0, t2, null);
        assertThat(t2).isNotEqualTo(new double[] {2, 4, 6});
        for (int i = 0; i < 3; i++) assertThat(t2[i]).isCloseTo(2 * (i + 1), within(0.6));
        assertThat(perturb.resetsRuleState()).isFalse();
    }
}
