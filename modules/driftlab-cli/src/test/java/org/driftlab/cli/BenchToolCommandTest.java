package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench} is listed among the product's commands but lives in its own jar, which the launcher runs. */
class BenchToolCommandTest {
    @Test
    void helpListsBench() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("help")).isZero();
        assertThat(h.out.toString()).containsPattern("\\n\\s+bench\\s+Measure throughput and memory");
    }

    @Test
    void runFromTheProductJarItSaysHowToRunTheBenchAndRunsNothing() {
        CliHarness h = CliHarness.installed();
        assertThat(h.run("bench", "jvms", "--workers", "2")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString())
                .contains("run './driftlab bench jvms --workers 2'")
                .contains("driftlab-bench.jar");
        assertThat(h.out.toString()).isEmpty();
    }

    @Test
    void theProductHoldsNoBenchOrJmhCode() {
        // the product jar is shaded from exactly this runtime class path (ProductJarIT checks the jar itself)
        assertThat(getClass().getClassLoader().getResource("org/openjdk/jmh/Main.class"))
                .isNull();
        assertThat(getClass().getClassLoader().getResource("org/driftlab/bench/cli/BenchCommand.class"))
                .isNull();
    }
}
