package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.driftlab.cluster.sweep.EmbeddedCluster;
import org.driftlab.cluster.sweep.ProgressListener;
import org.driftlab.cluster.sweep.SweepOutcome;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.results.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numeric faults (DESIGN §8, STYLE C4): a learner whose step size makes its weights overflow is recorded as
 * diverged, with the step at which its loss, θ or squared move stopped being finite, and never throws; the sweep holding it completes
 * and the results store marks the run {@code status = 'diverged'} beside the runs that finished normally.
 */
class DivergenceSystemTest {
    /** θ₀ = 1, w* = 0, h = 1, no noise: θ_{t+1} = (1 − lr)·θ_t, so the overflow step follows from lr alone. */
    static final String CONFIG =
            """
            name = divergence
            steps = 200
            seeds = 2
            stream {
              type = quadratic
              dim = 1
              eigenvalues = [1]
              gradient-noise = 0
              init = [1]
              optima = [[0]]
            }
            rule { type = sgd, lr = 0.1 }
            sweep { rule.lr = [0.1, 1e100, 2.5] }
            """;

    /**
     * The first 0-based step whose loss ½θ_t², next θ or squared move (θ_{t+1} − θ_t)² (which enters J) is not
     * finite, by the scalar recursion: the step the run is diverged at; −1 when all stay finite.
     */
    static long expectedDivergence(double lr, long steps) {
        double theta = 1;
        for (long t = 0; t < steps; t++) {
            double next = theta - lr * theta;
            double move = next - theta;
            if (!Double.isFinite(0.5 * theta * theta) || !Double.isFinite(next) || !Double.isFinite(move * move))
                return t;
            theta = next;
        }
        return -1;
    }

    @Test
    void aDivergingLearnerIsFlaggedWithItsStepAndTheSweepCompletes(@TempDir Path dir) throws Exception {
        SweepSpec sweep = SweepLoader.parse(CONFIG, "divergence.conf");
        assertThat(sweep.runs()).hasSize(6);
        List<RunResult> results = new ArrayList<>();
        for (RunSpec run : sweep.runs()) {
            RunResult lockstep = Simulation.run(run, 1);
            RunResult chunked = Simulation.run(run, 16);
            assertThat(chunked.metrics().divergedAtStep())
                    .isEqualTo(lockstep.metrics().divergedAtStep());
            results.add(chunked);
        }
        assertThat(expectedDivergence(1e100, 200))
                .isEqualTo(1); // θ₁ ≈ −1e100, θ₂ ≈ 1e200: step 1's squared move overflows
        // |θ| grows 1.5× per step: huge after 200 steps but still finite (the squared move overflows near step 873)
        assertThat(expectedDivergence(2.5, 200)).isEqualTo(-1);
        assertThat(expectedDivergence(2.5, 5000)).isBetween(850L, 900L);
        for (int i = 0; i < results.size(); i++) {
            RunSpec run = sweep.runs().get(i);
            RunResult r = results.get(i);
            double lr = Double.parseDouble(run.params().get(0).value());
            long expected = expectedDivergence(lr, run.steps());
            assertThat(r.metrics().diverged()).as("lr " + lr).isEqualTo(expected >= 0);
            assertThat(r.metrics().divergedAtStep()).as("lr " + lr).isEqualTo(expected);
            assertThat(r.metrics().steps()).as("lr " + lr).isEqualTo(expected >= 0 ? expected : run.steps());
        }

        Path file = dir.resolve("divergence.duckdb");
        try (ResultStore store = ResultStore.open(file)) {
            store.beginSweep(sweep);
            for (int i = 0; i < results.size(); i++) store.accept(sweep.runs().get(i), results.get(i));
        }
        assertStatuses(file);
    }

    /** The same sweep on a two-node cluster into a DuckDB store: it completes, the diverged runs stored as such. */
    @Test
    void onAClusterTheSweepCompletesAndTheStoreMarksTheDivergedRuns(@TempDir Path dir) throws Exception {
        SweepSpec sweep = SweepLoader.parse(CONFIG, "divergence.conf");
        Config config = ConfigFactory.parseString(
                        "pekko.remote.artery.canonical.port = 0\ndriftlab.learner.chunk-size = 2")
                .withFallback(ConfigFactory.load());
        Path file = dir.resolve("divergence.duckdb");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(2, config);
                ResultStore store = ResultStore.open(file)) {
            SweepOutcome outcome = cluster.client()
                    .runAsync(sweep, store, ProgressListener.none())
                    .toCompletableFuture()
                    .get(120, TimeUnit.SECONDS);
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.complete()).isTrue();
            assertThat(outcome.stored()).isEqualTo(6);
        }
        assertStatuses(file);
    }

    private static void assertStatuses(Path file) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, diverged_at_step, steps, count(*) AS n FROM runs "
                        + "GROUP BY status, diverged_at_step, steps ORDER BY status, steps")) {
            List<String> rows = new ArrayList<>();
            while (rs.next())
                rows.add(rs.getString(1) + " at " + rs.getLong(2) + " after " + rs.getLong(3) + " steps: "
                        + rs.getInt(4));
            assertThat(rows).containsExactly("diverged at 1 after 1 steps: 2", "ok at -1 after 200 steps: 4");
        }
    }
}
