package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void measuresTheThreePathsOnATinyWorkloadAndTheyAgree() {
        CliHarness h = CliHarness.installed();
        int code = h.run("bench", "--learners", "4", "--steps", "300", "--warmup", "0", "--rounds", "1");
        assertThat(code).as(h.err.toString()).isZero();
        String out = h.out.toString();
        assertThat(out).contains("(a) core loop, 1 thread").contains("(b) core loop").contains("(c) actor path, 1 node")
                .contains("ratios: (b)/(a) = ").contains("bit-identical");
        assertThat(out).containsPattern("\\(c\\) actor path, 1 node\\s+[0-9,]+ learner-steps/s");
    }

    @Test
    void anUnknownWorkloadIsAUsageError() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("bench", "--workload", "w9")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("--workload").contains("w9");
    }

    @Test
    void nonPositiveSizesAreUsageErrors() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("bench", "--learners", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("learners");
    }
}
