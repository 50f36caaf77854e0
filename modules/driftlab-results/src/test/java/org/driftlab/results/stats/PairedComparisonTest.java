package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;

/** Paired differences, intervals, p-values and the Holm correction against values worked out by hand. */
class PairedComparisonTest {
    /** t₀.₉₇₅ with 3 degrees of freedom (tables: 3.18245). */
    private static final double T3 = 3.182446305284263;

    private static List<StoredRun> condition(String x, double[] loss, int divergedSeed) {
        return StatsFixtures.condition("x", x, loss, divergedSeed);
    }

    @Test
    void pairedIntervalsAndHolmCorrectedPValuesMatchHandComputation() {
        List<StoredRun> runs = new ArrayList<>();
        runs.addAll(condition("base", new double[] {1, 2, 3, 4}, -1));
        // d = (0.5, 0.5, 0, 1): mean 0.5, sd √(0.5/3), se 0.204124, t = √6, p = 2(1 − F₃(√6)) = 0.0917211
        runs.addAll(condition("a", new double[] {1.5, 2.5, 3, 5}, -1));
        // d = (1, 2, 1, 2): mean 1.5, sd √(1/3), t = 3√3, p = 0.0138468
        runs.addAll(condition("c", new double[] {2, 4, 4, 6}, -1));
        // d = (0.1, −0.1, 0.2, −0.2): mean 0, t = 0, p = 1
        runs.addAll(condition("d", new double[] {1.1, 1.9, 3.2, 3.8}, -1));
        // seed 2 diverged: no mean, no test; median of (1, 1, +∞, 1) = 1
        runs.addAll(condition("e", new double[] {2, 3, 0, 5}, 2));
        ConditionTable table = ConditionTable.of(runs, List.of("x"));
        PairedComparison pc = PairedComparison.of(table, runs, "c-base", Metric.MEAN_LOSS);

        Map<Object, PairedComparison.Row> byX = new java.util.HashMap<>();
        for (PairedComparison.Row r : pc.rows()) byX.put(r.condition().params().get("x"), r);
        assertThat(byX).containsOnlyKeys("a", "c", "d", "e");

        PairedComparison.Row a = byX.get("a");
        assertThat(a.pairs()).isEqualTo(4);
        assertThat(a.difference().mean()).isCloseTo(0.5, within(1e-12));
        assertThat(a.difference().ciLow()).isCloseTo(0.5 - T3 * 0.2041241452319315, within(1e-9));
        assertThat(a.difference().ciHigh()).isCloseTo(0.5 + T3 * 0.2041241452319315, within(1e-9));
        assertThat(a.p()).isCloseTo(0.09172111331157184, within(1e-9));
        PairedComparison.Row c = byX.get("c");
        assertThat(c.difference().ciLow()).isCloseTo(1.5 - T3 * 0.28867513459481287, within(1e-9));
        assertThat(c.p()).isCloseTo(0.013846832988859026, within(1e-9));
        assertThat(byX.get("d").p()).isCloseTo(1.0, within(1e-12));

        // Holm over the three tested rows: 3·0.0138468, max(that, 2·0.0917211), max(that, 1·1)
        assertThat(c.pHolm()).isCloseTo(3 * 0.013846832988859026, within(1e-9));
        assertThat(a.pHolm()).isCloseTo(2 * 0.09172111331157184, within(1e-9));
        assertThat(byX.get("d").pHolm()).isEqualTo(1.0);

        PairedComparison.Row e = byX.get("e");
        assertThat(e.divergedPairs()).isEqualTo(1);
        assertThat(e.difference().mean()).isNaN();
        assertThat(e.p()).isNaN();
        assertThat(e.pHolm()).isNaN();
        assertThat(e.medianWithDiverged()).isEqualTo(1.0);
    }

    @Test
    void holmIsMonotoneAndCapped() {
        List<PairedComparison.Row> rows = new ArrayList<>();
        for (double p : new double[] {0.04, 0.01, 0.03, 0.5}) {
            rows.add(new PairedComparison.Row(null, 2, 0, 0, null, p, Double.NaN, 0));
        }
        // sorted 0.01, 0.03, 0.04, 0.5 → 0.04, max(0.04, 0.09), max(0.09, 0.08), max(0.09, 0.5)
        assertThat(PairedComparison.holm(rows))
                .extracting(PairedComparison.Row::pHolm)
                .containsExactly(0.09, 0.04, 0.09, 0.5);
    }
}
