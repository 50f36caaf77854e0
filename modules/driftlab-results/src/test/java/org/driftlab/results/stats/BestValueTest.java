package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;

class BestValueTest {
    private static List<StoredRun> condition(double tau, double[] loss, int divergedSeed) {
        return StatsFixtures.condition("tau", tau, loss, divergedSeed);
    }

    @Test
    void aClearMinimumIsChosenByEveryResampleAndANoisyOneGetsAnInterval() {
        List<StoredRun> clear = new ArrayList<>();
        clear.addAll(condition(0.1, new double[] {3, 3.1, 2.9, 3}, -1));
        clear.addAll(condition(0.5, new double[] {1, 1.1, 0.9, 1}, -1));
        clear.addAll(condition(0.9, new double[] {2, 2.1, 1.9, 2}, -1));
        BestValue b = BestValue.of(ConditionTable.of(clear, List.of("tau")), clear, "tau", Metric.MEAN_LOSS, 1000)
                .get(0);
        assertThat(b.best()).isEqualTo(0.5);
        assertThat(b.low()).isEqualTo(0.5);
        assertThat(b.high()).isEqualTo(0.5);
        assertThat(b.share()).isEqualTo(1.0);

        List<StoredRun> noisy = new ArrayList<>();
        noisy.addAll(condition(0.1, new double[] {1, 5, 1, 5, 1, 5}, -1));
        noisy.addAll(condition(0.5, new double[] {2.9, 3, 3.1, 2.9, 3, 3.1}, -1));
        noisy.addAll(condition(0.9, new double[] {5, 1, 5, 1, 5, 1}, -1));
        BestValue n = BestValue.of(ConditionTable.of(noisy, List.of("tau")), noisy, "tau", Metric.MEAN_LOSS, 1000)
                .get(0);
        assertThat(n.low()).isEqualTo(0.1);
        assertThat(n.high()).isEqualTo(0.9);
        assertThat(n.share()).isBetween(0.05, 0.95);
        // seeded: the same report twice
        assertThat(BestValue.of(ConditionTable.of(noisy, List.of("tau")), noisy, "tau", Metric.MEAN_LOSS, 1000)
                        .get(0))
                .isEqualTo(n);
    }

    @Test
    void aDivergedRunKeepsItsConditionFromLookingBest() {
        List<StoredRun> runs = new ArrayList<>();
        runs.addAll(condition(0.1, new double[] {1, 1, 1, 1}, 3)); // best mean over its 3 survivors, but one diverged
        runs.addAll(condition(0.5, new double[] {2, 2, 2, 2}, -1));
        BestValue b = BestValue.of(ConditionTable.of(runs, List.of("tau")), runs, "tau", Metric.MEAN_LOSS, 200)
                .get(0);
        assertThat(b.best()).isEqualTo(0.5);
    }
}
