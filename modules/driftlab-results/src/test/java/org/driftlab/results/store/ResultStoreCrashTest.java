package org.driftlab.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed mid-sweep leaves only whole runs; a resumed writer adds exactly the missing ones. A store held
 * by another process is refused with a clear message.
 */
class ResultStoreCrashTest {
    private static final int SEEDS = 40; // 6 conditions x 40 seeds = 240 runs: the kill lands mid-sweep

    @TempDir
    Path dir;

    @Test
    void aStoreInUseByAnotherProcessIsNamedAsSuch() throws Exception {
        Path file = dir.resolve("busy.duckdb");
        Process child = startWriter(file);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("stored ")) {
                // wait until the child holds the store
            }
            assertThat(line).as("child output").isNotNull();
            assertThatThrownBy(() -> ResultStore.open(file))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith(file + ": in use by another process");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process startWriter(Path file) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriter.class.getName(),
                        file.toString(),
                        Integer.toString(SEEDS))
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void aKilledWriterLeavesWholeRunsAndTheSweepResumes() throws Exception {
        Path file = dir.resolve("crash.duckdb");
        Process child = startWriter(file);
        int acknowledged = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 25 && (line = out.readLine()) != null) {
                if (line.startsWith("stored ")) acknowledged++;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("child stored results before the kill").isEqualTo(25);

        SweepSpec sweep = StoreFixtures.hazardByReset("crash", SEEDS);
        Map<String, RunSpec> specs = new HashMap<>();
        for (RunSpec r : sweep.runs()) specs.put(r.runId(), r);
        int survived;
        try (ResultStore store = ResultStore.open(file)) {
            var runs = store.runs();
            survived = runs.size();
            assertThat(survived)
                    .isGreaterThanOrEqualTo(acknowledged)
                    .isLessThan(sweep.runs().size());
            for (StoredRun r : runs) {
                assertThat(r.result())
                        .isEqualTo(StoreFixtures.resultFor(specs.get(r.result().runId())));
            }
            store.beginSweep(sweep);
            Set<String> done = store.storedRunIds(sweep);
            assertThat(done).hasSize(survived);
            for (RunSpec r : sweep.runs()) {
                store.accept(r, StoreFixtures.resultFor(r)); // stored ones are no-ops
            }
        }
        assertThat(ResultStoreTest.count(
                        file,
                        "SELECT count(*) FROM curves c WHERE NOT EXISTS "
                                + "(SELECT 1 FROM runs r WHERE r.run_id = c.run_id)"))
                .isZero();
        try (ResultStore store = ResultStore.openReadOnly(file)) {
            var runs = store.runs();
            assertThat(runs).hasSize(sweep.runs().size());
            for (StoredRun r : runs) {
                assertThat(r.result())
                        .isEqualTo(StoreFixtures.resultFor(specs.get(r.result().runId())));
            }
            assertThat(store.sweeps()).hasSize(1);
        }
    }
}
