package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.PriorSpec;
import org.junit.jupiter.api.Test;

class ResetPolicyTest {
    private static final SeedStreams SEEDS = SeedStreams.of(1, 2);
    private static final PriorSpec PRIOR = new PriorSpec(0.5, 2.0);
    private static final double[] THETA0 = {1.0, -1.0, 3.0};

    private static ResetPolicy policy(ResetSpec spec) {
        return ResetPolicy.create(spec, THETA0, PRIOR, 0, SEEDS);
    }

    @Test
    void resetTargets() {
        double[] theta = {10, 20, 30};
        policy(new OracleResetSpec(ResetTarget.INIT, true)).reset(theta, 1.0);
        assertThat(theta).containsExactly(THETA0);
        policy(new OracleResetSpec(ResetTarget.PRIOR_MEAN, true)).reset(theta, 1.0);
        assertThat(theta).containsOnly(0.5);
        ResetPolicy fresh = policy(new OracleResetSpec(ResetTarget.FRESH_DRAW, true));
        fresh.reset(theta, 1.0);
        double[] first = theta.clone();
        fresh.reset(theta, 1.0);
        assertThat(theta).isNotEqualTo(first); // a new draw each time
        double[] again = {0, 0, 0};
        policy(new OracleResetSpec(ResetTarget.FRESH_DRAW, true)).reset(again, 1.0);
        assertThat(again).isEqualTo(first); // from the seeded POLICY stream
    }

    @Test
    void freshDrawsFollowThePrior() {
        ResetPolicy fresh = ResetPolicy.create(new OracleResetSpec(ResetTarget.FRESH_DRAW, true), new double[1], PRIOR, 0, SEEDS);
        double[] theta = new double[1];
        int n = 20000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            fresh.reset(theta, 1.0);
            sum += theta[0];
            sumSq += (theta[0] - 0.5) * (theta[0] - 0.5);
        }
        assertThat(sum / n).isCloseTo(0.5, within(0.05));
        assertThat(sumSq / n).isCloseTo(4.0, within(0.15));
    }

    @Test
    void partialResetMovesTheFractionOfTheWay() {
        double[] theta = {3, 1, 5};
        policy(new BeliefSoftSpec(0.5, 10, ResetTarget.INIT, false)).reset(theta, 0.25);
        assertThat(theta).containsExactly(3 + 0.25 * (1 - 3), 1 + 0.25 * (-1 - 1), 5 + 0.25 * (3 - 5));
    }

    @Test
    void periodicActsAfterEveryPeriodthStep() {
        ResetPolicy p = policy(new PeriodicResetSpec(3, ResetTarget.INIT, false));
        for (long t = 0; t < 10; t++) {
            double[] theta = {9, 9, 9};
            boolean acted = p.afterStep(t, theta);
            assertThat(acted).as("step %d", t).isEqualTo(t % 3 == 2);
            assertThat(theta).isEqualTo(acted ? THETA0 : new double[] {9, 9, 9});
        }
        assertThat(p.resetsRuleState()).isFalse();
        assertThat(p.resetsBeforeStep(true)).isFalse();
    }

    @Test
    void oracleResetsBeforeTheFirstStepOfANewTask() {
        ResetPolicy p = policy(new OracleResetSpec(ResetTarget.INIT, true));
        assertThat(p.resetsBeforeStep(true)).isTrue();
        assertThat(p.resetsBeforeStep(false)).isFalse();
        assertThat(p.afterStep(0, new double[3])).isFalse();
        assertThat(p.resetsRuleState()).isTrue();
    }

    @Test
    void shrinkPerturbShrinksAndPerturbs() {
        ResetPolicy shrink = policy(new ShrinkPerturbSpec(0.5, 0.0, 2));
        double[] theta = {2, 4, 6};
        assertThat(shrink.afterStep(0, theta)).isFalse();
        assertThat(shrink.afterStep(1, theta)).isTrue();
        assertThat(theta).containsExactly(1, 2, 3);
        ResetPolicy perturb = policy(new ShrinkPerturbSpec(1.0, 0.1, 1));
        double[] t2 = {2, 4, 6};
        perturb.afterStep(0, t2);
        assertThat(t2).isNotEqualTo(new double[] {2, 4, 6});
        for (int i = 0; i < 3; i++) assertThat(t2[i]).isCloseTo(2 * (i + 1), within(0.6));
        assertThat(perturb.resetsRuleState()).isFalse();
    }

    @Test
    void l2InitAddsThePullTowardTheInitialWeights() {
        double[] g = {1, 1, 1};
        policy(new L2InitSpec(0.5)).regularise(new double[] {2, 2, 2}, g);
        assertThat(g).containsExactly(1 + 0.5 * (2 - 1), 1 + 0.5 * (2 + 1), 1 + 0.5 * (2 - 3));
        double[] untouched = {1, 1, 1};
        policy(new NoResetSpec()).regularise(new double[] {2, 2, 2}, untouched);
        assertThat(untouched).containsExactly(1, 1, 1);
    }

    @Test
    void recallKeepsAndLoadsWeightsPerTask() {
        ResetPolicy p = ResetPolicy.create(new RecallSpec(0.8, false), THETA0, PRIOR, 3, SEEDS);
        double[] theta = {7, 7, 7};
        p.recall(theta, 0, 2); // task 2 has nothing kept: initial weights
        assertThat(theta).containsExactly(THETA0);
        theta[0] = 5;
        p.recall(theta, 2, 0);
        assertThat(theta).containsExactly(7, 7, 7);
        p.recall(theta, 0, 2);
        assertThat(theta).containsExactly(5, -1, 3);
        assertThatThrownBy(() -> p.recall(new double[3], 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResetPolicy.create(new RecallSpec(0.8, false), THETA0, PRIOR, 0, SEEDS))
                .hasMessageContaining("markov");
    }

    @Test
    void copyStateFromMakesTwins() {
        ResetPolicy a = ResetPolicy.create(new RecallSpec(0.8, false), THETA0, PRIOR, 2, SEEDS);
        double[] theta = {4, 4, 4};
        a.recall(theta, 0, 1);
        ResetPolicy b = ResetPolicy.create(new RecallSpec(0.8, false), THETA0, PRIOR, 2, SEEDS);
        b.copyStateFrom(a);
        double[] ta = {0, 0, 0};
        double[] tb = {0, 0, 0};
        a.recall(ta, 1, 0);
        b.recall(tb, 1, 0);
        assertThat(tb).containsExactly(4, 4, 4).isEqualTo(ta);

        ResetPolicy x = policy(new OracleResetSpec(ResetTarget.FRESH_DRAW, true));
        x.reset(new double[3], 1.0);
        ResetPolicy y = policy(new OracleResetSpec(ResetTarget.FRESH_DRAW, true));
        y.copyStateFrom(x);
        double[] tx = new double[3];
        double[] ty = new double[3];
        x.reset(tx, 1.0);
        y.reset(ty, 1.0);
        assertThat(ty).isEqualTo(tx);
    }
}
