package org.driftlab.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftlab.bench.cluster.MultiJvmHarness.CountResult;
import org.driftlab.bench.cluster.MultiJvmHarness.Settings;
import org.driftlab.bench.e2e.CoreLoopHarness;
import org.driftlab.bench.e2e.RoundResult;
import org.driftlab.bench.e2e.Workloads;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.junit.jupiter.api.Test;

class MultiJvmHarnessTest {
    @Test
    void settingsNameTheBadField() {
        assertThatThrownBy(() -> new Settings(null, 1, 10, List.of(1), 0, 1, 0)).hasMessageContaining("workload");
        assertThatThrownBy(() -> new Settings(Workload.W1, 0, 10, List.of(1), 0, 1, 0))
                .hasMessageContaining("learners")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 0, List.of(1), 0, 1, 0))
                .hasMessageContaining("steps");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, List.of(), 0, 1, 0))
                .hasMessageContaining("workerCounts");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, List.of(1, 0), 0, 1, 0))
                .hasMessageContaining("workerCounts");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, List.of(3, 3), 0, 1, 0))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, List.of(1), -1, 1, 0))
                .hasMessageContaining("warm-up");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, List.of(1), 0, 0, 0))
                .hasMessageContaining("rounds");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 10, List.of(1), 0, 1, -1))
                .hasMessageContaining("first seed");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1_000_000_000, 10, List.of(1), 1, 3, 0))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void runsAreCountedPerWorkerAddressNotPerIncarnation() {
        assertThat(MultiJvmHarness.hostPort("127.0.0.1:25520#-4242")).isEqualTo("127.0.0.1:25520");
        assertThat(MultiJvmHarness.hostPort("127.0.0.1:25520")).isEqualTo("127.0.0.1:25520");
    }

    @Test
    void everyWorkerJvmGetsTheSameWarmUpWork() {
        Settings s = new Settings(Workload.W1, 10, 10, List.of(1, 3), 2, 1, 0);
        assertThat(s.warmupRounds(1)).isEqualTo(2);
        assertThat(s.warmupRounds(3)).isEqualTo(6);
        // seeds of the last warm-up round of the largest count must fit an int
        assertThatThrownBy(() -> new Settings(Workload.W1, 400_000_000, 10, List.of(1, 3), 2, 1, 0))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void roundsAlternateTheirOrderSoDriftFallsOnEveryCountAlike() {
        assertThat(MultiJvmHarness.order(2, 0)).containsExactly(0, 1);
        assertThat(MultiJvmHarness.order(2, 1)).containsExactly(1, 0);
        assertThat(MultiJvmHarness.order(2, 2)).containsExactly(0, 1);
        assertThat(MultiJvmHarness.order(1, 1)).containsExactly(0);
    }

    @Test
    void theRoundChecksumIsTheCoreLoopsDigestOfTheSameSeeds() {
        Settings s = new Settings(Workload.W1, 3, 150, List.of(1, 3), 0, 2, 4);
        CoreLoopHarness.Result core = CoreLoopHarness.run(s.coreLoop(64, 1));
        long[] ours = new long[2];
        for (int k = 0; k < 2; k++) {
            List<RunResult> inSeedOrder = new ArrayList<>();
            for (int i = 0; i < 3; i++)
                inSeedOrder.add(Simulation.run(Workloads.spec(Workload.W1, 4 + 3 * k + i, 150), 50));
            ours[k] = RoundResult.checksum(inSeedOrder);
        }
        assertThat(ours).containsExactly(core.checksums());

        CountResult same = new CountResult(3, 450, new long[] {1, 1}, ours, Map.of(), new long[0]);
        MultiJvmHarness.verify(List.of(same), core);
        CountResult other =
                new CountResult(3, 450, new long[] {1, 1}, new long[] {ours[1], ours[0]}, Map.of(), new long[0]);
        assertThatThrownBy(() -> MultiJvmHarness.verify(List.of(same, other), core))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 worker JVMs differ from the core loop");
    }

    @Test
    void ratesAndMedianFollowFromTheRoundTimes() {
        CountResult r = new CountResult(
                1,
                2_000_000,
                new long[] {2_000_000_000L, 1_000_000_000L, 4_000_000_000L},
                new long[3],
                Map.of(),
                new long[0]);
        assertThat(r.stepsPerSecond()).containsExactly(1e6, 2e6, 5e5);
        assertThat(r.medianStepsPerSecond()).isEqualTo(1e6);
        assertThat(MultiJvmHarness.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        CountResult cpu =
                new CountResult(2, 1_000, new long[] {1, 1}, new long[2], Map.of(), new long[] {3_000, 1_000});
        assertThat(cpu.cpuNanosPerStep()).isEqualTo(2.0); // 4,000 ns over 2 rounds of 1,000 learner-steps
        CountResult unknown = new CountResult(2, 1_000, new long[] {1}, new long[1], Map.of(), new long[] {3_000, -1});
        assertThat(unknown.cpuNanosPerStep()).isNaN();
    }
}
