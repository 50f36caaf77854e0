package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OracleResetPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new OracleResetSpec(ResetTarget.PRIOR_MEAN, true);
    }

    @Test
    void resetsAfterTheObservationOfTheFirstStepOfANewTaskBeforeItsUpdate() {
        ResetPolicy p = newPolicy();
        double[] theta = {9, 9, 9};
        assertThat(p.beforeStep(5, true, theta))
                .as("never before the observation")
                .isFalse();
        assertThat(p.beforeUpdate(4, false, theta)).isFalse();
        assertThat(theta).containsOnly(9);
        assertThat(p.beforeUpdate(5, true, theta)).isTrue();
        assertThat(theta).containsOnly(0.5);
        assertThat(p.afterStep(5, theta, null)).isFalse();
        assertThat(p.resetsRuleState()).isTrue();
    }

    @Test
    void thePrescientOracleResetsBeforeTheObservationOfTheFirstStepOfANewTask() {
        ResetPolicy p = new OracleResetSpec(ResetTarget.INIT, false, true).newPolicy(context());
        double[] theta = {9, 9, 9};
        assertThat(p.beforeStep(4, false, theta)).isFalse();
        assertThat(p.beforeUpdate(5, true, theta)).isFalse();
        assertThat(theta).containsOnly(9);
        assertThat(p.beforeStep(5, true, theta)).isTrue();
        assertThat(theta).containsExactly(THETA0);
        assertThat(p.resetsRuleState()).isFalse();
    }
}
