package org.driftlab.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.sim.ResultSink;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ResultStore#acceptAll}: one transaction per batch, all or nothing; duplicates and stored runs skipped. */
class ResultStoreBatchTest {
    @TempDir
    Path dir;

    private static List<ResultSink.Entry> entries(List<RunSpec> runs) {
        List<ResultSink.Entry> out = new ArrayList<>();
        for (RunSpec r : runs) out.add(new ResultSink.Entry(r, StoreFixtures.resultFor(r)));
        return out;
    }

    @Test
    void aBatchStoresEachRunOnceWithItsCurvesAndSkipsStoredAndRepeatedIds() throws Exception {
        Path file = dir.resolve("batch.duckdb");
        SweepSpec sweep = StoreFixtures.hazardByReset("batch", 2);
        List<RunSpec> runs = sweep.runs();
        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(sweep);
            store.accept(runs.get(0), StoreFixtures.resultFor(runs.get(0)));
            List<ResultSink.Entry> batch = entries(runs.subList(0, 5)); // run 0 is stored already
            batch.add(new ResultSink.Entry(
                    runs.get(3), StoreFixtures.resultFor(runs.get(3)).withNode("repeat")));
            store.acceptAll(batch);
            assertThat(store.storedRunIds(sweep))
                    .containsExactlyElementsOf(
                            runs.subList(0, 5).stream().map(RunSpec::runId).toList());
            for (RunSpec r : runs.subList(0, 5)) {
                assertThat(store.run(r.runId()).orElseThrow().result()).isEqualTo(StoreFixtures.resultFor(r));
            }
            assertThat(store.run(runs.get(3).runId()).orElseThrow().result().node())
                    .isEqualTo(StoreFixtures.resultFor(runs.get(3)).node()); // the first offered is kept
            store.acceptAll(entries(runs)); // the rest, in a second batch
            assertThat(store.runCount()).isEqualTo(runs.size());
        }
        long perRun = 0;
        for (RunSpec r : runs) {
            var m = StoreFixtures.resultFor(r).metrics();
            perRun += m.binnedLoss().length
                    + m.binnedExcessLoss().length
                    + m.alignedExcessLoss().length
                    + m.switchSteps().length
                    + m.resetSteps().length
                    + m.effectiveRank().length
                    + m.deadFraction().length;
        }
        assertThat(ResultStoreTest.count(file, "SELECT count(*) FROM curves")).isEqualTo(perRun);
    }

    @Test
    void aFailingBatchStoresNoneOfItsRunsAndTheStoreCarriesOn() throws Exception {
        Path file = dir.resolve("failing.duckdb");
        SweepSpec sweep = StoreFixtures.hazardByReset("failing", 2);
        List<RunSpec> runs = sweep.runs();
        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(sweep);
        }
        // A constraint the store does not know: two runs' curves in one batch collide on (kind, idx), so the
        // batch fails in its curves insert, after its run rows were inserted in the same transaction.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("CREATE UNIQUE INDEX curves_one_run ON curves (kind, idx)");
        }
        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(sweep);
            assertThatThrownBy(() -> store.acceptAll(entries(runs.subList(0, 3))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot store 3 runs")
                    .hasMessageContaining("none stored");
            assertThat(store.runCount()).isZero();
            assertThat(store.storedRunIds(sweep)).isEmpty();
            // a batch of one fits the constraint: the store is usable after the rollback
            store.acceptAll(entries(runs.subList(1, 2)));
            assertThat(store.storedRunIds(sweep)).containsExactly(runs.get(1).runId());
        }
        assertThat(ResultStoreTest.count(file, "SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(ResultStoreTest.count(file, "SELECT count(DISTINCT run_id) FROM curves"))
                .isEqualTo(1);
    }

    @Test
    void oneBatchMayMixSweepsWithDifferentParameterColumns() {
        SweepSpec a = StoreFixtures.hazardByReset("a", 1);
        SweepSpec b = StoreFixtures.sweep(
                "b",
                List.of("rule.lr", "reset"),
                List.of(
                        List.of(new SweptValue("rule.lr", "0.1"), new SweptValue("reset", "\"none\"")),
                        List.of(new SweptValue("rule.lr", "1e-2"), new SweptValue("reset", "\"none\""))),
                2);
        try (ResultStore store = ResultStore.open(dir.resolve("mixed.duckdb"))) {
            store.beginSweep(a);
            store.beginSweep(b);
            List<RunSpec> mixed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                mixed.add(a.runs().get(i));
                mixed.add(b.runs().get(i));
            }
            store.acceptAll(entries(mixed));
            assertThat(store.runCount()).isEqualTo(8);
            for (RunSpec r : mixed) {
                StoredRun got = store.run(r.runId()).orElseThrow();
                assertThat(got.result()).isEqualTo(StoreFixtures.resultFor(r));
                assertThat(got.sweep()).isEqualTo(a.runs().contains(r) ? "a" : "b");
            }
            StoredRun fromB = store.run(b.runs().get(3).runId()).orElseThrow();
            assertThat(fromB.params())
                    .containsEntry("rule.lr", 0.01)
                    .containsEntry("reset", "none")
                    .doesNotContainKey("stream.switching.hazard");
            StoredRun fromA = store.run(a.runs().get(0).runId()).orElseThrow();
            assertThat(fromA.params()).containsOnlyKeys("stream.switching.hazard", "reset");
        }
    }

    @Test
    void aBadEntryIsRefusedBeforeAnythingIsWritten() {
        SweepSpec sweep = StoreFixtures.hazardByReset("bad", 1);
        List<RunSpec> runs = sweep.runs();
        try (ResultStore store = ResultStore.open(dir.resolve("bad.duckdb"))) {
            store.beginSweep(sweep);
            List<ResultSink.Entry> batch = entries(runs.subList(0, 2));
            batch.add(new ResultSink.Entry(runs.get(2), StoreFixtures.resultFor(runs.get(3))));
            assertThatThrownBy(() -> store.acceptAll(batch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(runs.get(2).runId());
            assertThat(store.runCount()).isZero();
        }
    }
}
