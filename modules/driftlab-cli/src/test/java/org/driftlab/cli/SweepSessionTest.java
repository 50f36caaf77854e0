package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path the Ctrl-C shutdown hook takes ({@link SweepSession#cancel}): stopped after the first stored batch
 * (group commit: 3 results per store transaction here), the store holds that whole batch of whole runs only,
 * and the next invocation runs exactly the rest.
 */
class SweepSessionTest {
    @TempDir
    Path dir;

    @Test
    void cancelMidSweepLeavesAConsistentStoreThatTheNextRunCompletes() throws Exception {
        Path config = SweepConfigs.write(dir, "cancel", 5, 300);
        SweepSpec sweep = SweepLoader.load(config);
        Path storeFile = dir.resolve("cancel.duckdb");
        ResultStore store = ResultStore.open(storeFile);
        SweepSession session = new SweepSession(sweep, store, new PrintWriter(new StringWriter()));
        // batches by size only (the delay never fires), so the first commit holds exactly 3 runs
        EmbeddedCluster cluster = EmbeddedCluster.start(
                1,
                com.typesafe.config.ConfigFactory.parseString(
                                "driftlab.sweep { store-batch-size = 3, store-batch-delay = 10m }")
                        .withFallback(ClusterConfig.load()));
        session.attach(new SweepSession.SweepCluster() {
            public org.driftlab.cluster.sweep.SweepClient client() {
                return cluster.client();
            }

            public int workersUp() {
                return 1;
            }

            public void close() {
                cluster.close();
            }
        });
        AtomicBoolean once = new AtomicBoolean();
        CompletableFuture<Integer> cancelled = new CompletableFuture<>();
        assertThatThrownBy(() -> session.run(cluster.client(), p -> {
                    if (p.done() >= 1 && once.compareAndSet(false, true)) {
                        // as the hook does, from another thread; this (the submitter's) thread waits until results are
                        // refused, so the cancel surely lands mid-sweep
                        CompletableFuture.supplyAsync(session::cancel).whenComplete((n, e) -> cancelled.complete(n));
                        while (!session.isStopped()) Thread.onSpinWait();
                    }
                }))
                .isInstanceOf(CancellationException.class);
        assertThat(cancelled.get()).isEqualTo(3);

        Set<String> all = new HashSet<>();
        for (RunSpec r : sweep.runs()) all.add(r.runId());
        try (ResultStore s = ResultStore.openReadOnly(storeFile)) {
            List<StoredRun> runs = s.runs();
            assertThat(runs).hasSize(3);
            for (StoredRun r : runs) {
                assertThat(all).contains(r.result().runId());
                assertThat(r.result().metrics().binnedLoss()).hasSize(10); // a whole run: its curves came with it
            }
        }

        CliHarness rerun = CliHarness.installed();
        assertThat(rerun.run("run", config.toString(), "--results", storeFile.toString(), "--no-plots"))
                .as(rerun.err.toString())
                .isZero();
        assertThat(rerun.err.toString()).contains("3 of 10 runs already in", "7 stored now, 3 already stored");
        try (ResultStore s = ResultStore.openReadOnly(storeFile)) {
            Set<String> stored = new HashSet<>();
            for (StoredRun r : s.runs())
                assertThat(stored.add(r.result().runId())).isTrue();
            assertThat(stored).isEqualTo(all);
        }
    }
}
