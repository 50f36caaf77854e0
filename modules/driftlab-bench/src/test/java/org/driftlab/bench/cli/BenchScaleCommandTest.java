package org.driftlab.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.driftlab.cli.ExitCodes;
import org.junit.jupiter.api.Test;

/** {@code bench scale} and {@code bench sweep-memory}: tiny in-process runs and argument validation. */
class BenchScaleCommandTest {
    @Test
    void scaleRunsATinyWorkloadInThisJvmAndReportsItsFields() {
        BenchCli h = new BenchCli();
        int code = h.run("scale", "--learners", "3", "--steps", "300", "--chunk", "64", "--heap", "current");
        assertThat(code).as(h.err.toString()).isZero();
        assertThat(h.out.toString())
                .contains("scale: 3 w1 learners x 300 steps", "chunk K = 64", "fifo dispatcher")
                .contains("completed:             yes (3 of 3 runs stored, 0 failed)")
                .containsPattern("learner-steps/s: +[0-9,]+ \\(wall")
                .containsPattern("peak heap after GC: +(n/a|[0-9,.]+ MiB) of max") // n/a: no GC during a tiny sweep
                .containsPattern("live heap: +(not sampled|[0-9,.]+ MiB before the sweep)");
    }

    @Test
    void sweepMemoryRunsATinySweepInThisJvmAndSamplesItsHeap() {
        BenchCli h = new BenchCli();
        int code = h.run("sweep-memory", "--runs", "12", "--steps", "50", "--samples", "3", "--heap", "current");
        assertThat(code).as(h.err.toString()).isZero();
        String out = h.out.toString();
        assertThat(out)
                .contains("sweep-memory: 12 w1 runs x 50 steps")
                .contains("in-flight window:      8 runs per node")
                .containsPattern("RunSpec list: +[0-9,.]+ MiB for 12 specs = [0-9,]+ bytes per RunSpec")
                .contains("completed:             yes (12 of 12 runs stored, 0 failed");
        // three samples: after 4 and 8 stored runs during the sweep, and one after it
        assertThat(out)
                .containsPattern("\\n +4 +[0-9.]+ ")
                .containsPattern("\\n +8 +[0-9.]+ ")
                .containsPattern("\\n +12 +[0-9.]+ ");
        assertThat(out).containsPattern("growth: +[-+][0-9,.]+ bytes of live heap per stored run");
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheOption() {
        String[][] cases = {
            {"scale", "--learners", "0", "--heap", "current"},
            {"learners must be >= 1, got 0"},
            {"scale", "--steps", "0", "--heap", "current"},
            {"steps must be >= 1, got 0"},
            {"scale", "--chunk", "0", "--heap", "current"},
            {"chunk must be >= 1, got 0"},
            {"scale", "--workload", "w9"},
            {"--workload", "w9"},
            {"scale", "--heap", "2x"},
            {"--heap", "'2x'"},
            {"scale", "--dispatcher", "lifo"},
            {"--dispatcher", "lifo"},
            {"scale", "--learners", "2", "--timeout", "0"},
            {"--timeout"},
            {"sweep-memory", "--runs", "0", "--heap", "current"},
            {"runs must be >= 1, got 0"},
            {"sweep-memory", "--runs", "5", "--samples", "6", "--heap", "current"},
            {"samples must be in [1, runs = 5], got 6"},
            {"sweep-memory", "--heap", "lots"},
            {"--heap", "'lots'"},
            {"sweep-memory", "--workload", "w2"},
            {"--workload", "w2"},
        };
        for (int i = 0; i < cases.length; i += 2) {
            BenchCli h = new BenchCli();
            assertThat(h.run(cases[i])).as(String.join(" ", cases[i])).isEqualTo(ExitCodes.USAGE);
            assertThat(h.err.toString()).as(String.join(" ", cases[i])).contains(cases[i + 1]);
        }
    }
}
