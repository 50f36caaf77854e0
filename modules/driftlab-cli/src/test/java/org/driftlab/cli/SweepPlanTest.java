package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --plan} prints the expanded grid and its estimates and writes nothing; labels reach the store and report. */
class SweepPlanTest {
    @TempDir
    Path dir;

    private Path labelled() throws Exception {
        return Files.writeString(
                dir.resolve("lab.conf"),
                Files.readString(SweepConfigs.write(dir, "lab", 2, 300))
                        .replace(
                                "sweep { reset = [ { type = none }, { type = oracle } ] }",
                                "label = \"{reset} lr {rule.lr}\"\n"
                                        + "sweep { reset = [ { type = none, label = plain }, { type = oracle, label = \"oracle reset\" } ]\n"
                                        + "  \"rule.lr\" = [0.05, 0.1] }"));
    }

    @Test
    void planPrintsTheGridWithLabelsAndEstimatesAndWritesNothing() throws Exception {
        Path config = labelled();
        Path store = dir.resolve("lab.duckdb");
        CliHarness cli = CliHarness.installed();
        assertThat(cli.run("run", "--plan", config.toString(), "--results", store.toString(), "--nodes", "2"))
                .as(cli.err.toString())
                .isZero();
        String out = cli.out.toString();
        assertThat(out)
                .startsWith("plan of sweep 'lab' (" + config + "); nothing is run or written")
                .contains(
                        "1  plain lr 0.05",
                        "2  plain lr 0.1",
                        "3  oracle reset lr 0.05",
                        "4  oracle reset lr 0.1",
                        "runs: 8 (4 conditions × 2 seeds), 2,400 learner-steps",
                        "learner-steps/s  QuadraticStream d=4, Adam",
                        "estimated time: ~",
                        "with 2 nodes on",
                        "memory: ~",
                        "per node (8 runs in flight",
                        "store: " + store + " (new)");
        assertThat(out)
                .containsPattern(
                        "[0-9.]+[kMG]? learner-steps/s  QuadraticStream d=4, Adam, Bocpd \\(GaussianModel, r_max 256\\), NoReset");
        assertThat(cli.err.toString()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lab.conf");
        }
    }

    @Test
    void labelsReachTheStoreAndTheReportAndThePlanCountsTheStoredRuns() throws Exception {
        Path config = labelled();
        Path store = dir.resolve("lab.duckdb");
        CliHarness run = CliHarness.installed();
        assertThat(run.run("run", config.toString(), "--results", store.toString(), "--quiet", "--no-plots"))
                .as(run.err.toString())
                .isZero();
        assertThat(run.out.toString()).contains("label", "plain lr 0.05", "oracle reset lr 0.1");
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            assertThat(s.runs())
                    .extracting(r -> r.params().get("label"))
                    .containsOnly("plain lr 0.05", "plain lr 0.1", "oracle reset lr 0.05", "oracle reset lr 0.1");
            assertThat(s.runs().stream().map(StoredRun::params)).allSatisfy(p -> assertThat(p)
                    .containsKeys("reset.type", "rule.lr")); // the store keeps every leaf of the config
        }
        long size = Files.size(store);
        CliHarness plan = CliHarness.installed();
        assertThat(plan.run("run", "--plan", config.toString(), "--results", store.toString()))
                .isZero();
        assertThat(plan.out.toString())
                .contains("store: " + store + " (exists: holds 8 of these 8 runs, which would be skipped)");
        assertThat(Files.size(store)).isEqualTo(size);
    }
}
