package org.driftlab.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.driftlab.bench.e2e.PathComparison.Path;
import org.driftlab.bench.e2e.PathComparison.Result;
import org.driftlab.bench.e2e.PathComparison.Settings;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.junit.jupiter.api.Test;

class PathComparisonTest {
    private static Config base() {
        return ConfigFactory.parseString("pekko.remote.artery.canonical.port = 0")
                .withFallback(ConfigFactory.load());
    }

    @Test
    void interleavedRoundsReportEveryPathWithEqualChecksums() throws Exception {
        Settings s = new Settings(Workload.W1, 3, 300, 2, 1, 3, 11);
        List<String> seen = new ArrayList<>();
        Config config = ActorPathHarness.withChunkAndInFlight(base(), OptionalInt.of(50), OptionalInt.of(2));
        Result r;
        try (ActorPathHarness.Session actors = ActorPathHarness.Session.start(1, config)) {
            assertThat(actors.chunkSize()).isEqualTo(50);
            assertThat(actors.inFlightPerNode()).isEqualTo(2);
            r = PathComparison.run(s, actors, (k, warmup, order, byPath) -> {
                assertThat(byPath).doesNotContainNull();
                seen.add((warmup ? "w" : "m") + k + ":" + order[0].letter() + order[1].letter() + order[2].letter());
            });
        }
        assertThat(seen).containsExactly("w0:abc", "m0:abc", "m1:bca", "m2:cab");
        assertThat(r.chunkSize()).isEqualTo(50);
        assertThat(r.inFlightPerNode()).isEqualTo(2);
        assertThat(r.nodes()).isEqualTo(1);
        assertThat(r.idleCpuCores()).isNotNegative().isFinite();
        assertThat(r.orders()).hasNumberOfRows(3);
        for (int k = 0; k < 3; k++) {
            long sum = r.rounds()[Path.SINGLE.ordinal()][k].checksum();
            for (Path p : Path.values()) {
                RoundResult round = r.rounds()[p.ordinal()][k];
                assertThat(round.checksum()).as(p + " round " + k).isEqualTo(sum);
                assertThat(round.learnerSteps()).isEqualTo(900);
                assertThat(round.wallNanos()).isPositive();
                // Linux counts process CPU time in 10 ms ticks, so a tiny round may read 0
                assertThat(round.processCpuNanos()).isNotNegative();
            }
        }
        // rounds ran different seeds
        assertThat(r.rounds()[0][0].checksum()).isNotEqualTo(r.rounds()[0][1].checksum());
        // and the same seeds as the core loop on its own: the paths ran the learners named in the settings
        CoreLoopHarness.Result alone =
                CoreLoopHarness.run(new CoreLoopHarness.Settings(Workload.W1, 3, 300, 7, 1, 0, 3, 11));
        for (int k = 0; k < 3; k++)
            assertThat(r.rounds()[Path.ACTORS.ordinal()][k].checksum()).isEqualTo(alone.checksums()[k]);
        for (Path p : Path.values()) {
            assertThat(r.stepsPerSecond(p)).hasSize(3);
            for (double v : r.stepsPerSecond(p)) assertThat(v).isPositive().isFinite();
            assertThat(r.cpuNanosPerStep(p)).hasSize(3);
            for (double v : r.cpuNanosPerStep(p)) assertThat(v).isNotNegative().isFinite();
        }
        double[] cb = r.rateRatios(Path.ACTORS, Path.POOL);
        for (int k = 0; k < 3; k++) {
            assertThat(cb[k]).isEqualTo(r.stepsPerSecond(Path.ACTORS)[k] / r.stepsPerSecond(Path.POOL)[k]);
        }
        double[] cpuBa = r.cpuRatios(Path.POOL, Path.SINGLE);
        for (int k = 0; k < 3; k++) {
            // NaN (0 / 0 CPU ticks) compares equal to itself here
            assertThat(Double.compare(cpuBa[k], r.cpuNanosPerStep(Path.POOL)[k] / r.cpuNanosPerStep(Path.SINGLE)[k]))
                    .isZero();
        }
    }

    @Test
    void theOrderRotatesSoEachPathTakesEachPlace() {
        assertThat(PathComparison.order(0)).containsExactly(Path.SINGLE, Path.POOL, Path.ACTORS);
        assertThat(PathComparison.order(1)).containsExactly(Path.POOL, Path.ACTORS, Path.SINGLE);
        assertThat(PathComparison.order(2)).containsExactly(Path.ACTORS, Path.SINGLE, Path.POOL);
        assertThat(PathComparison.order(3)).containsExactly(PathComparison.order(0));
        assertThatThrownBy(() -> PathComparison.order(-1)).hasMessageContaining("round");
    }

    @Test
    void configOverridesOnlyWhatIsGiven() {
        Config base = base();
        Config same = ActorPathHarness.withChunkAndInFlight(base, OptionalInt.empty(), OptionalInt.empty());
        assertThat(same.getInt(ActorPathHarness.CHUNK_SIZE_KEY))
                .isEqualTo(base.getInt(ActorPathHarness.CHUNK_SIZE_KEY));
        assertThat(same.getInt(ActorPathHarness.IN_FLIGHT_KEY)).isEqualTo(base.getInt(ActorPathHarness.IN_FLIGHT_KEY));
        Config k = ActorPathHarness.withChunkAndInFlight(base, OptionalInt.of(17), OptionalInt.empty());
        assertThat(k.getInt(ActorPathHarness.CHUNK_SIZE_KEY)).isEqualTo(17);
        assertThat(k.getInt(ActorPathHarness.IN_FLIGHT_KEY)).isEqualTo(base.getInt(ActorPathHarness.IN_FLIGHT_KEY));
        assertThatThrownBy(() -> ActorPathHarness.withChunkAndInFlight(base, OptionalInt.of(0), OptionalInt.empty()))
                .hasMessageContaining("chunk")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> ActorPathHarness.withChunkAndInFlight(base, OptionalInt.empty(), OptionalInt.of(0)))
                .hasMessageContaining("in-flight")
                .hasMessageContaining("0");
    }

    @Test
    void summariesAndSettingsValidation() {
        assertThat(PathComparison.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(PathComparison.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
        assertThat(PathComparison.median(new double[0])).isNaN();
        assertThat(PathComparison.min(new double[] {3, 1, 2})).isEqualTo(1);
        assertThat(PathComparison.max(new double[] {3, 1, 2})).isEqualTo(3);
        assertThatThrownBy(() -> new Settings(Workload.W1, 0, 10, 2, 0, 1, 0)).hasMessageContaining("learners");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, 0, 0, 1, 0)).hasMessageContaining("pool threads");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, 2, 0, 0, 0)).hasMessageContaining("rounds");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1_000_000, 10, 2, 1_000, 10_000, 0))
                .hasMessageContaining("seed");
    }

    @Test
    void roundResultRatesAndUnknownCpu() {
        RoundResult r = new RoundResult(2_000_000_000L, 1_000_000L, 0, 1_000);
        assertThat(r.stepsPerSecond()).isEqualTo(500.0);
        assertThat(r.cpuNanosPerStep()).isEqualTo(1_000.0);
        assertThat(new RoundResult(1, -1, 0, 1).cpuNanosPerStep()).isNaN();
        assertThatThrownBy(() -> new RoundResult(0, 1, 0, 1)).hasMessageContaining("wallNanos");
    }
}
