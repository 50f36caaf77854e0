package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftlab run} end to end on an embedded cluster in this JVM (a few runs of a few hundred steps). */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void storesEveryRunPrintsTheTableAndPlotsThenARerunSkipsThemAll() throws Exception {
        Path config = SweepConfigs.write(dir, "small", 2, 300);
        Path store = dir.resolve("small.duckdb");
        Path plots = dir.resolve("plots");
        CliHarness first = CliHarness.installed();
        assertThat(first.run("run", config.toString(), "--results", store.toString(), "--out", plots.toString()))
                .as(first.err.toString())
                .isZero();
        assertThat(first.out.toString())
                .startsWith("mean excess loss [loss] per condition")
                .contains("none", "oracle");
        // not a terminal here: progress comes as whole lines, the last at 4/4
        assertThat(first.err.toString())
                .contains(
                        "sweep 'small': 4 runs",
                        "progress: 4/4 runs",
                        "1 node up",
                        "done: 4 runs",
                        "4 stored now, 0 already stored, 0 failed",
                        "wrote 6 plot files to " + plots,
                        "results: " + store)
                .doesNotContain("\r");
        for (String name : new String[] {"binned-loss", "aligned-excess-loss", "mean-excess-loss-vs-reset"}) {
            BufferedImage img = ImageIO.read(plots.resolve(name + ".png").toFile());
            assertThat(img.getWidth()).isGreaterThan(500);
        }
        List<StoredRun> before = runs(store);
        assertThat(before).hasSize(4);

        CliHarness again = CliHarness.installed();
        assertThat(again.run("run", config.toString(), "--results", store.toString(), "--no-plots"))
                .as(again.err.toString())
                .isZero();
        assertThat(again.err.toString())
                .contains("4 of 4 runs already in", "0 stored now, 4 already stored")
                .doesNotContain("progress:", "plot files");
        assertThat(again.out.toString()).isEqualTo(first.out.toString());
        assertThat(runs(store)).isEqualTo(before); // nothing new, nothing rewritten (wall times included)
    }

    @Test
    void aBadConfigExitsTwoWithEveryProblemAndCreatesNoStore() throws Exception {
        Path config = Files.writeString(
                dir.resolve("bad.conf"),
                """
                name = bad
                steps = -5
                seeds = 1
                stream { type = quadratic, dim = 4 }
                rule { type = adamm, lr = 0.05 }
                """);
        Path store = dir.resolve("bad.duckdb");
        CliHarness cli = CliHarness.installed();
        assertThat(cli.run("run", config.toString(), "--results", store.toString()))
                .isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("driftlab: the config has ").contains("steps", "adamm");
        assertThat(store).doesNotExist();
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void twoNodesGiveTheResultsOfOne() throws Exception {
        Path config = SweepConfigs.write(dir, "nodes", 2, 300);
        Map<String, RunMetrics> one = metrics(runWith(config, "one.duckdb", "1"));
        Map<String, RunMetrics> two = metrics(runWith(config, "two.duckdb", "2"));
        assertThat(one).hasSize(4);
        assertThat(two).isEqualTo(one);
    }

    @Test
    void aDifferentConfigUnderTheSameNameIsRefusedWithoutResume() throws Exception {
        Path store = dir.resolve("shared.duckdb");
        try (ResultStore s = ResultStore.open(store)) {
            s.beginSweep(org.driftlab.core.spec.SweepLoader.load(SweepConfigs.write(dir, "same", 1, 300)));
        }
        Path changed = Files.writeString(
                dir.resolve("changed.conf"),
                Files.readString(dir.resolve("same.conf")).replace("steps = 300", "steps = 200"));
        CliHarness cli = CliHarness.installed();
        assertThat(cli.run("run", changed.toString(), "--results", store.toString()))
                .isEqualTo(2);
        assertThat(cli.err.toString()).contains("already holds sweep 'same' from a different config", "--resume");

        CliHarness nothing = CliHarness.installed();
        assertThat(nothing.run(
                        "run",
                        changed.toString(),
                        "--results",
                        dir.resolve("none.duckdb").toString(),
                        "--resume"))
                .isEqualTo(2);
        assertThat(nothing.err.toString()).contains("nothing to resume");
        assertThat(dir.resolve("none.duckdb")).doesNotExist();
    }

    private Path runWith(Path config, String storeName, String nodes) {
        Path store = dir.resolve(storeName);
        CliHarness cli = CliHarness.installed();
        assertThat(cli.run(
                        "run",
                        config.toString(),
                        "--results",
                        store.toString(),
                        "--nodes",
                        nodes,
                        "--quiet",
                        "--no-plots"))
                .as(cli.err.toString())
                .isZero();
        assertThat(cli.err.toString()).doesNotContain("progress:");
        return store;
    }

    private static List<StoredRun> runs(Path store) {
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            return s.runs();
        }
    }

    private static Map<String, RunMetrics> metrics(Path store) {
        Map<String, RunMetrics> m = new HashMap<>();
        for (StoredRun r : runs(store)) m.put(r.result().runId(), r.result().metrics());
        return m;
    }
}
