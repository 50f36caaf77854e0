package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoResetPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new NoResetSpec();
    }

    @Test
    void neverTouchesTheWeightsOrTheGradient() {
        ResetPolicy p = newPolicy();
        double[] theta = {9, 9, 9};
        double[] g = {1, 1, 1};
        assertThat(p.beforeStep(5, true, theta)).isFalse();
        p.regularise(theta, g);
        assertThat(p.afterStep(5, theta, null)).isFalse();
        assertThat(theta).containsOnly(9);
        assertThat(g).containsOnly(1);
    }
}
