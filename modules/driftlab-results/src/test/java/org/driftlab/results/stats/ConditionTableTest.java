package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionTableTest {
    @TempDir
    Path dir;

    @Test
    void conditionsAreOrderedBySweptValuesAndDivergedRunsLeftOut() {
        Path file = dir.resolve("t.duckdb");
        SweepSpec sweep = StoreFixtures.hazardByReset("t", 4);
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.writeAll(store, sweep, 1);
        }
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            ConditionTable table = ConditionTable.of(store.runs(), store.sweptKeys(null));
            assertThat(table.conditions()).hasSize(6);
            assertThat(table.conditions())
                    .extracting(ConditionStats::label)
                    .containsExactly(
                            "hazard=0.001, reset=belief-threshold", "hazard=0.001, reset=none",
                            "hazard=0.01, reset=belief-threshold", "hazard=0.01, reset=none",
                            "hazard=0.05, reset=belief-threshold", "hazard=0.05, reset=none");
            ConditionStats withDiverged = table.conditions().stream()
                    .filter(c -> c.conditionId().equals(sweep.runs().get(1).conditionId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(withDiverged.runs()).isEqualTo(4);
            assertThat(withDiverged.divergedRuns()).isEqualTo(1);
            assertThat(withDiverged.of(Metric.MEAN_LOSS).n()).isEqualTo(3);
            assertThat(withDiverged.binnedLoss().n()).containsOnly(3L);
            assertThat(withDiverged.binnedLoss().length()).isEqualTo(StoreFixtures.BINS);
            assertThat(table.varyingKeys()).containsExactly("stream.switching.hazard", "reset");
        }
    }

    @Test
    void nodeSplitsOfAConditionMergeToTheSameStatistics() {
        SweepSpec sweep = StoreFixtures.hazardByReset("m", 30);
        String condition = sweep.runs().get(0).conditionId();
        List<RunResult> runs = new ArrayList<>();
        for (RunSpec r : sweep.runs()) {
            if (r.conditionId().equals(condition)) runs.add(StoreFixtures.resultFor(r));
        }
        ConditionAccumulator whole = new ConditionAccumulator();
        runs.forEach(whole::add);
        ConditionStats expected = whole.summary(condition, java.util.Map.of());
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            List<RunResult> shuffled = new ArrayList<>(runs);
            Collections.shuffle(shuffled, rnd);
            List<ConditionAccumulator> nodes = new ArrayList<>();
            int parts = 1 + rnd.nextInt(5);
            for (int p = 0; p < parts; p++) nodes.add(new ConditionAccumulator());
            for (RunResult r : shuffled) nodes.get(rnd.nextInt(parts)).add(r);
            Collections.shuffle(nodes, rnd);
            ConditionAccumulator merged = new ConditionAccumulator();
            nodes.forEach(merged::merge);
            ConditionStats got = merged.summary(condition, java.util.Map.of());
            assertThat(got.metrics()).isEqualTo(expected.metrics());
            assertThat(got.runs()).isEqualTo(expected.runs());
            for (CurveSummary[] pair : new CurveSummary[][] {
                {got.binnedLoss(), expected.binnedLoss()},
                {got.binnedExcess(), expected.binnedExcess()},
                {got.alignedExcess(), expected.alignedExcess()}
            }) {
                assertThat(pair[0].mean()).isEqualTo(pair[1].mean());
                assertThat(pair[0].ciLow()).isEqualTo(pair[1].ciLow());
                assertThat(pair[0].ciHigh()).isEqualTo(pair[1].ciHigh());
                assertThat(pair[0].n()).isEqualTo(pair[1].n());
            }
        }
    }

    private static void close(double a, double b) {
        if (Double.isNaN(b)) assertThat(a).isNaN();
        else assertThat(a).isCloseTo(b, within(1e-9 * Math.max(1, Math.abs(b))));
    }
}
