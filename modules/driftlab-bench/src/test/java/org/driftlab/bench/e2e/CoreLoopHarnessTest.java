package org.driftlab.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.driftlab.bench.e2e.CoreLoopHarness.Result;
import org.driftlab.bench.e2e.CoreLoopHarness.Settings;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.junit.jupiter.api.Test;

class CoreLoopHarnessTest {
    @Test
    void singleThreadAndPoolRunTheSameLearners() {
        Settings s = new Settings(Workload.W1, 3, 400, 50, 1, 1, 2, 5);
        Result one = CoreLoopHarness.run(s);
        Result two = CoreLoopHarness.run(s.withThreads(2));
        CoreLoopHarness.compare(one, two);
        assertThat(one.learnerSteps()).isEqualTo(1_200);
        assertThat(one.roundNanos()).hasSize(2);
        assertThat(one.roundCpuNanos()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            assertThat(one.roundNanos()[k]).isPositive();
            assertThat(one.roundCpuNanos()[k]).isPositive();
            assertThat(one.stepsPerSecond()[k]).isPositive().isFinite();
        }
        assertThat(one.medianCpuNanosPerStep()).isPositive();
        assertThat(one.medianNanosPerStep())
                .isCloseTo(1e9 / one.medianStepsPerSecond(), org.assertj.core.data.Offset.offset(1e-6));
        // different rounds use different seeds
        assertThat(one.checksums()[0]).isNotEqualTo(one.checksums()[1]);
    }

    @Test
    void compareRejectsDifferentLearners() {
        Result a = CoreLoopHarness.run(new Settings(Workload.W1, 1, 100, 10, 1, 0, 1, 0));
        Result b = CoreLoopHarness.run(new Settings(Workload.W1, 1, 100, 10, 1, 0, 1, 1));
        assertThatThrownBy(() -> CoreLoopHarness.compare(a, b))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checksums");
    }

    @Test
    void settingsRejectBadValues() {
        assertThatThrownBy(() -> new Settings(Workload.W1, 0, 100, 10, 1, 0, 1, 0))
                .hasMessageContaining("learners");
        assertThatThrownBy(() -> new Settings(Workload.W1, 1, 100, 0, 1, 0, 1, 0))
                .hasMessageContaining("chunk");
        assertThatThrownBy(() -> new Settings(null, 1, 100, 10, 1, 0, 1, 0)).hasMessageContaining("workload");
    }
}
