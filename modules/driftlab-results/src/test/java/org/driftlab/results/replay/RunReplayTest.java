package org.driftlab.results.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.sim.RunLengthPosterior;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReplayTest {
    @TempDir
    Path dir;

    @Test
    void findsTheStoredRunsSpecAndReproducesIt() {
        Path file = dir.resolve("s.duckdb");
        try (ResultStore store = ResultStore.open(file)) {
            SweepSpec sweep = StoreFixtures.simulateAll(store, StoreFixtures.simulatedConfig("replayed", "bocpd", 1));
            RunReplay replay = new RunReplay(store.sweeps());
            List<StoredRun> runs = store.runs();
            RunReplay.Target first = replay.firstBocpd(runs).orElseThrow();
            assertThat(first.stored().result().runId())
                    .isEqualTo(runs.get(0).result().runId());
            for (StoredRun r : runs) {
                RunReplay.Target t = replay.target(r);
                assertThat(t.spec())
                        .isEqualTo(sweep.runs().stream()
                                .filter(s -> s.runId().equals(r.result().runId()))
                                .findFirst()
                                .orElseThrow());
                assertThat(t.hasBocpd()).isTrue();
                RunLengthPosterior p = RunReplay.runLengthPosterior(t, 100);
                assertThat(p.columns()).isEqualTo(100);
                assertThat(p.rMax()).isEqualTo(((BocpdSpec) t.spec().belief()).maxRunLength());
                assertThat(p.result().metrics()).isEqualTo(r.result().metrics());
            }
        }
    }

    @Test
    void aStoreWithoutBocpdRunsOrReadableConfigsHasNoTarget() {
        try (ResultStore store = ResultStore.open(dir.resolve("none.duckdb"))) {
            StoreFixtures.simulateAll(store, StoreFixtures.simulatedConfig("plain", "none", 1));
            RunReplay replay = new RunReplay(store.sweeps());
            assertThat(replay.firstBocpd(store.runs())).isEmpty();
            assertThat(replay.target(store.runs().get(0)).hasBocpd()).isFalse();
        }
        try (ResultStore store = ResultStore.open(dir.resolve("fixture.duckdb"))) {
            StoreFixtures.writeAll(store, StoreFixtures.hazardByReset("fake", 1), -1);
            RunReplay replay = new RunReplay(store.sweeps());
            assertThat(replay.firstBocpd(store.runs())).isEmpty();
            assertThatThrownBy(() -> replay.target(store.runs().get(0)))
                    .isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("cannot be re-simulated from sweep 'fake'")
                    .hasMessageContaining("does not parse");
        }
    }

    @Test
    void aTamperedStoredMetricIsAClearError() throws Exception {
        Path file = dir.resolve("tampered.duckdb");
        String runId;
        try (ResultStore store = ResultStore.open(file)) {
            StoreFixtures.simulateAll(store, StoreFixtures.simulatedConfig("tampered", "bocpd", 1));
            runId = store.runs().get(1).result().runId();
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            st.executeUpdate(
                    "UPDATE runs SET mean_loss = mean_loss * 1.5, resets = resets + 1 WHERE run_id = '" + runId + "'");
        }
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            RunReplay replay = new RunReplay(store.sweeps());
            StoredRun tampered = store.run(runId).orElseThrow();
            RunReplay.Target t = replay.target(tampered);
            assertThatThrownBy(() -> RunReplay.runLengthPosterior(t, 100))
                    .isInstanceOf(ReplayMismatchException.class)
                    .hasMessageContaining("run " + runId
                            + ": re-simulating it from its stored config does not reproduce the stored run")
                    .hasMessageContaining("mean_loss: stored ")
                    .hasMessageContaining("resets: stored ")
                    .hasMessageNotContaining("objective");
            RunSpec spec = t.spec();
            assertThat(spec.runId()).isEqualTo(runId);
        }
    }
}
