package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrescientOracleResetPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new PrescientOracleResetSpec(ResetTarget.INIT, false);
    }

    @Test
    void resetsBeforeTheObservationOfTheFirstStepOfANewTask() {
        ResetPolicy p = newPolicy();
        double[] theta = {9, 9, 9};
        assertThat(p.beforeStep(4, false, theta)).isFalse();
        assertThat(p.beforeUpdate(5, true, theta)).isFalse();
        assertThat(theta).containsOnly(9);
        assertThat(p.beforeStep(5, true, theta)).isTrue();
        assertThat(theta).containsExactly(THETA0);
        assertThat(p.resetsRuleState()).isFalse();
    }
}
