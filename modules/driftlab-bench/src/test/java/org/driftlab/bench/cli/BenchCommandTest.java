package org.driftlab.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.driftlab.cli.ClusterConfig;
import org.driftlab.cli.ExitCodes;
import org.driftlab.cli.RunCommand;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void measuresTheThreePathsInInterleavedRoundsAndTheyAgree() {
        BenchCli h = new BenchCli();
        int code = h.run(
                "--learners",
                "4",
                "--steps",
                "300",
                "--warmup",
                "1",
                "--rounds",
                "3",
                "--chunk",
                "64",
                "--in-flight",
                "3");
        assertThat(code).as(h.err.toString()).isZero();
        String out = h.out.toString();
        assertThat(out)
                .contains("(a) core loop, 1 thread")
                .contains("(b) core loop")
                .contains("(c) actor path, 1 node")
                .contains("ratios: (b)/(a) = ")
                .contains("(c)/(b) = ")
                .contains("CPU per step: (c)/(b) = ")
                .contains("bit-identical metrics in every round");
        assertThat(out).containsPattern("\\(c\\) actor path, 1 node\\s+[0-9,]+ learner-steps/s");
        // the header describes the machine, the date and the settings that every path shares
        assertThat(out)
                .containsPattern("driftlab bench, \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")
                .containsPattern("machine: \\d+ cores, .*Java .*max heap [0-9,]+ MiB")
                .contains("chunk K = 64 for all three paths")
                .contains("in-flight window 3 runs per node")
                .contains("including JIT compiler and GC threads")
                .containsPattern("idle process .*: [0-9.]+ cores of CPU");
        // one line per warm-up and measured round, each naming its order, which rotates
        assertThat(out)
                .containsPattern("warm-up 1 +order a b c")
                .containsPattern("round 1 +order a b c")
                .containsPattern("round 2 +order b c a")
                .containsPattern("round 3 +order c a b");
    }

    @Test
    void theChunkSizeAndWindowDefaultToTheClusterConfig() {
        BenchCli h = new BenchCli();
        int code = h.run("--learners", "2", "--steps", "100", "--warmup", "0", "--rounds", "1");
        assertThat(code).as(h.err.toString()).isZero();
        com.typesafe.config.Config config = ClusterConfig.load(RunCommand.EMBEDDED);
        assertThat(h.out.toString())
                .contains("chunk K = " + config.getInt("driftlab.learner.chunk-size") + " for all three paths")
                .contains("in-flight window " + config.getInt("driftlab.sweep.in-flight-per-node") + " runs per node");
    }

    @Test
    void theBenchJarsTopCommandIsDriftlabBenchWithItsVersionAndATopLevelDebug() {
        BenchCli help = new BenchCli();
        assertThat(help.run("help", "jvms")).isZero();
        assertThat(help.out.toString()).contains("Usage: driftlab bench jvms").contains("--compare");
        BenchCli version = new BenchCli();
        assertThat(version.run("--version")).isZero();
        assertThat(version.out.toString()).startsWith("driftlab ");
        // ./driftlab --debug bench scale ... reaches the bench jar as --debug scale ...: the subcommand sees the debug
        // flag
        BenchCli debug = new BenchCli();
        assertThat(debug.run("--debug", "scale", "--learners", "0", "--heap", "current"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(debug.err.toString())
                .startsWith("driftlab: learners must be >= 1, got 0")
                .contains("\tat ");
        BenchCli plain = new BenchCli();
        assertThat(plain.run("scale", "--learners", "0", "--heap", "current")).isEqualTo(ExitCodes.USAGE);
        assertThat(plain.err.toString().trim()).isEqualTo("driftlab: learners must be >= 1, got 0");
    }

    @Test
    void pruneListRunsTheExactAndThePrunedModeAndSaysWhichIsWhich() {
        BenchCli h = new BenchCli();
        int code = h.run("--learners", "2", "--steps", "300", "--warmup", "0", "--rounds", "1", "--prune", "1e-10,0");
        assertThat(code).as(h.err.toString()).isZero();
        String out = h.out.toString();
        int pruned = out.indexOf("belief: PRUNED at 1.0E-10");
        int exact = out.indexOf("belief: EXACT (--prune 0)");
        assertThat(pruned).isNotNegative();
        assertThat(exact).isGreaterThan(pruned);
        // each mode gets its own summary, with all three paths bit-identical within the mode
        assertThat(out.substring(pruned, exact)).contains("bit-identical metrics in every round");
        assertThat(out.substring(exact)).contains("bit-identical metrics in every round");
    }

    @Test
    void aPruneToleranceOutsideZeroToOneIsAUsageError() {
        for (String bad : new String[] {"1", "-0.5", "1e-10,2"}) {
            BenchCli h = new BenchCli();
            assertThat(h.run("--prune", bad)).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(h.err.toString()).as(bad).contains("--prune must be in [0, 1)");
            assertThat(h.out.toString()).as(bad).isEmpty();
        }
    }

    @Test
    void anUnknownWorkloadIsAUsageError() {
        BenchCli h = new BenchCli();
        assertThat(h.run("--workload", "w9")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("--workload").contains("w9");
    }

    @Test
    void nonPositiveSizesAreUsageErrors() {
        BenchCli h = new BenchCli();
        assertThat(h.run("--learners", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).contains("learners");
    }

    @Test
    void badChunkAndWindowAreUsageErrorsNamingTheFlag() {
        for (String[] bad : new String[][] {
            {"--chunk", "0"},
            {"--in-flight", "0"},
            {"--chunk", "-3"},
            {"--rounds", "0"},
            {"--warmup", "-1"},
            {"--nodes", "0"},
            {"--steps", "0"}
        }) {
            BenchCli h = new BenchCli();
            assertThat(h.run(bad[0], bad[1])).as(bad[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(h.err.toString())
                    .as(bad[0])
                    .contains(bad[0] + " must be >= ")
                    .contains("got " + bad[1]);
            assertThat(h.out.toString()).as(bad[0]).isEmpty();
        }
    }
}
