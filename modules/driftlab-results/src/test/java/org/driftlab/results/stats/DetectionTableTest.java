package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftlab.core.metrics.Detections;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunResult;
import org.driftlab.results.plot.Charts;
import org.driftlab.results.plot.DetectionPlot;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;

class DetectionTableTest {
    private static final long WINDOW = 20;

    /** A run whose stored detections are those of its switch and reset steps under {@link #WINDOW}. */
    private static StoredRun run(
            String condition, int seed, long steps, long[] switches, long[] resets, Map<String, Object> p) {
        Detections d = Detections.match(switches, resets, WINDOW);
        RunMetrics m = new RunMetrics(
                steps,
                1,
                1,
                0,
                0,
                switches.length,
                resets.length,
                d.hits(),
                d.meanDelay(),
                d.falseAlarms(),
                switches.length - d.hits(),
                0,
                false,
                -1,
                new double[0],
                new double[0],
                new double[0],
                switches,
                resets);
        return new StoredRun("t", new RunResult(condition + "-" + seed, condition, seed, m, 0, "n"), p);
    }

    private static List<StoredRun> tinyStore() {
        Map<String, Object> a = Map.of("belief.model", "variance-change", "reset.tau", 0.5);
        Map<String, Object> b = Map.of("belief.model", "variance-change", "reset.tau", 0.9);
        Map<String, Object> c = Map.of("belief.model", "normal-gamma", "reset.tau", 0.5);
        List<StoredRun> runs = new ArrayList<>();
        // delays 2 and 10, one false alarm (300) in 1,000 steps
        runs.add(run("a", 0, 1000, new long[] {100, 500}, new long[] {102, 300, 510}, a));
        // a missed switch, no reset in 2,000 steps
        runs.add(run("a", 1, 2000, new long[] {400}, new long[0], a));
        // fired 50 steps late: a false alarm and a miss
        runs.add(run("b", 0, 1000, new long[] {100}, new long[] {150}, b));
        // a hit with delay 0, a repeated firing (neither) and 3 false alarms in 500 steps
        runs.add(run("c", 0, 500, new long[] {200}, new long[] {10, 20, 200, 205, 400}, c));
        return runs;
    }

    @Test
    void goldenValuesOfATinyStore() {
        List<StoredRun> runs = tinyStore();
        ConditionTable table = ConditionTable.of(runs, List.of("belief.model", "reset.tau"));
        DetectionTable d = DetectionTable.of(table, runs, r -> WINDOW);
        Map<String, DetectionTable.Row> byId = new java.util.HashMap<>();
        for (DetectionTable.Row r : d.rows()) byId.put(r.condition().conditionId(), r);

        DetectionTable.Row a = byId.get("a");
        assertThat(a.runs()).isEqualTo(2);
        assertThat(a.switchesPerRun()).isEqualTo(1.5);
        assertThat(a.hitsPerSwitch()).isEqualTo(0.5); // mean of 2/2 and 0/1
        assertThat(a.falseAlarmsPer1000()).isEqualTo(0.5); // mean of 1 per 1,000 and 0
        assertThat(a.delays()).containsExactly(2, 10);
        assertThat(a.medianDelay()).isEqualTo(2);
        assertThat(a.p90Delay()).isEqualTo(10);

        DetectionTable.Row b = byId.get("b");
        assertThat(b.hitsPerSwitch()).isZero();
        assertThat(b.falseAlarmsPer1000()).isEqualTo(1.0);
        assertThat(b.delays()).isEmpty();
        assertThat(b.medianDelay()).isNaN();

        DetectionTable.Row c = byId.get("c");
        assertThat(c.hitsPerSwitch()).isEqualTo(1.0);
        assertThat(c.falseAlarmsPer1000()).isEqualTo(6.0); // 3 false alarms in 500 steps
        assertThat(c.delays()).containsExactly(0);
    }

    @Test
    void theRocPlotHasOneLinePerEvidenceModelOrderedByTauDescending() {
        List<StoredRun> runs = tinyStore();
        ConditionTable table = ConditionTable.of(runs, List.of("belief.model", "reset.tau"));
        DetectionTable d = DetectionTable.of(table, runs, r -> WINDOW);
        assertThat(DetectionPlot.tauKey(table)).isEqualTo("reset.tau");
        List<Charts.Line> lines = DetectionPlot.lines(table, d);
        assertThat(lines)
                .extracting(Charts.Line::label)
                .containsExactlyInAnyOrder("model=normal-gamma", "model=variance-change");
        Charts.Line vc = lines.stream()
                .filter(l -> l.label().equals("model=variance-change"))
                .findFirst()
                .orElseThrow();
        // τ = 0.9 first, then 0.5
        assertThat(vc.x()).containsExactly(1.0, 0.5);
        assertThat(vc.y()).containsExactly(0.0, 0.5);
        assertThat(DetectionPlot.chart(table, d).getSeriesMap()).hasSize(2);
    }

    @Test
    void storedDetectionsThatDisagreeWithTheStepsAreRefused() {
        List<StoredRun> runs = tinyStore();
        ConditionTable table = ConditionTable.of(runs, List.of("belief.model", "reset.tau"));
        // a window of 5 steps makes run a-0's delay-10 hit a false alarm: not what was stored
        assertThatThrownBy(() -> DetectionTable.of(table, runs, r -> 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run a-0: its stored detections (2 hits, 1 false alarms)");
    }
}
