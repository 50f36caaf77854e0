package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecallPolicyTest extends ResetPolicyContract {
    @Override
    ResetSpec spec() {
        return new RecallSpec(0.8, false);
    }

    @Test
    void keepsAndLoadsWeightsPerTask() {
        ResetPolicy p = newPolicy();
        double[] theta = {7, 7, 7};
        p.apply(new ResetOrder(1, 1.0, 0, 2), theta); // task 2 has nothing kept: initial weights
        assertThat(theta).containsExactly(THETA0);
        theta[0] = 5;
        p.apply(new ResetOrder(2, 1.0, 2, 0), theta);
        assertThat(theta).containsExactly(7, 7, 7);
        p.apply(new ResetOrder(3, 1.0, 0, 2), theta);
        assertThat(theta).containsExactly(5, -1, 3);
        assertThatThrownBy(() -> p.apply(new ResetOrder(4, 1.0, 1, 1), new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec().newPolicy(ResetContext.of(THETA0, PRIOR, 0, SEEDS)))
                .hasMessageContaining("markov");
    }

    /** DESIGN §7: the weights kept for the old task are those before the first update on the new one. */
    @Test
    void keepsTheWeightsOfTheEstimatedChangePointNotThoseAtDetection() {
        ResetPolicy p = newPolicy();
        double[] theta = new double[3];
        for (int t = 0; t <= 6; t++) {
            java.util.Arrays.fill(theta, t); // θ_t = (t, t, t)
            assertThat(p.beforeStep(t, false, theta)).isFalse();
        }
        p.apply(new ResetOrder(6, 1.0, 0, 1, null, 2), theta); // detected at 6, change point 4
        assertThat(theta).containsExactly(THETA0);
        p.apply(new ResetOrder(6, 1.0, 1, 0), theta); // back to task 0 at once: its kept weights are θ_4
        assertThat(theta).containsExactly(4, 4, 4);
        // a rewind never reaches past the last recall: step 6's update started from the loaded weights
        assertThat(p.beforeStep(7, false, new double[] {9, 9, 9})).isFalse();
        p.apply(new ResetOrder(7, 1.0, 0, 2, null, 5), new double[] {9, 9, 9});
        p.apply(new ResetOrder(7, 1.0, 2, 0), theta);
        assertThat(theta).containsExactly(4, 4, 4);
        assertThatThrownBy(() -> new ResetOrder(3, 1.0, 0, 1, null, 4)).hasMessageContaining("rewind");
    }

    @Test
    void ordersASwitchWhenAnotherTaskBecomesLikely() {
        ResetPolicy p = newPolicy();
        ScriptedFilter filter = new ScriptedFilter();
        for (int s = 0; s < 4; s++) {
            filter.observe(null, 0);
            assertThat(p.onBelief(s, 0, filter)).as("step %d", s).isNull(); // task 0, assumed
        }
        filter.observe(null, 0); // five steps seen: task 1 is likely
        assertThat(p.onBelief(4, 0, filter)).isEqualTo(new ResetOrder(4, 1.0, 0, 1));
        filter.observe(null, 0);
        assertThat(p.onBelief(5, 0, filter)).isNull(); // task 1 is now assumed
    }
}
