package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class L2InitPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new L2InitSpec(0.5);
    }

    @Test
    void addsThePullTowardTheInitialWeights() {
        double[] g = {1, 1, 1};
        newPolicy().regularise(new double[] {2, 2, 2}, g);
        assertThat(g).containsExactly(1 + 0.5 * (2 - 1), 1 + 0.5 * (2 + 1), 1 + 0.5 * (2 - 3));
    }
}
