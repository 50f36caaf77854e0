package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.driftlab.results.plot.RunLengthHeatmap;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    Path store;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void fixture() {
        store = dir.resolve("reset-vs-hazard.duckdb");
        try (ResultStore s = ResultStore.open(store)) {
            StoreFixtures.writeAll(s, StoreFixtures.hazardByReset("reset-vs-hazard", 3), 2);
        }
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsTheTableAndWritesPngAndSvgPlots() throws Exception {
        Path plots = dir.resolve("plots");
        assertThat(run(store.toString(), "--out", plots.toString()))
                .as(err.toString())
                .isZero();
        // title, header, rule, 6 conditions, the note on the diverged run, the best hazard of each reset policy
        assertThat(out.toString().lines().toList()).hasSize(3 + 6 + 1 + 2);
        assertThat(out.toString())
                .startsWith("mean excess loss [loss] per condition")
                .contains("stream.switching.hazard", "belief-threshold", "ci95_high", "median_all", " †")
                .contains(
                        "lowest mean mean_excess_loss at reset=belief-threshold: hazard = 0.001 (bootstrap over 3 seeds: 95% interval")
                // the lowest mean at reset=none is hazard 0.001's, but one of its runs diverged: it is not the best
                .contains("at reset=none: hazard = 0.01 (bootstrap over 3 seeds: 95% interval 0.001 to 0.01;");
        assertThat(err.toString()).contains("wrote 6 plot files to " + plots);
        for (String name : new String[] {"binned-loss", "aligned-excess-loss", "mean-excess-loss-vs-hazard"}) {
            BufferedImage img = ImageIO.read(plots.resolve(name + ".png").toFile());
            assertThat(img.getWidth()).isGreaterThan(500);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            assertThat(f.newDocumentBuilder()
                            .parse(plots.resolve(name + ".svg").toFile())
                            .getElementsByTagName("path")
                            .getLength())
                    .isGreaterThan(10);
        }
    }

    @Test
    void theDefaultOutputDirectorySitsBesideTheStore() {
        assertThat(run(store.toString(), "--format", "csv", "--metric", "mean-loss", "--by", "reset"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow()).startsWith("stream.switching.hazard,reset,runs,");
        assertThat(dir.resolve("reset-vs-hazard-report/mean-loss-vs-reset.svg")).isRegularFile();
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path plots = dir.resolve("plots");
        String[][] cases = {
            {dir.resolve("missing.duckdb").toString(), "--out", plots.toString()},
            {store.toString(), "--out", plots.toString(), "--metric", "accuracy"},
            {store.toString(), "--out", plots.toString(), "--by", "learning-rate"},
            {store.toString(), "--out", plots.toString(), "--run", "no-such-run"},
            {store.toString(), "--out", plots.toString(), "--format", "xml"},
            {store.toString(), "--out", plots.toString(), "--baseline", "reset=always"},
            {store.toString(), "--out", plots.toString(), "--sweep", "other"},
        };
        String[] expected = {
            "no results store here",
            "unknown metric 'accuracy'",
            "unknown swept parameter 'learning-rate'",
            "no run 'no-such-run'",
            "unknown table format 'xml'",
            "--baseline 'reset=always' names no condition (conditions: hazard=0.001, reset=belief-threshold; "
                    + "hazard=0.001, reset=none; hazard=0.01,",
            ": no sweep 'other' (sweeps: reset-vs-hazard)"
        };
        for (int i = 0; i < cases.length; i++) {
            err.getBuffer().setLength(0);
            assertThat(run(cases[i])).isEqualTo(2);
            assertThat(err.toString()).startsWith("driftlab: ").contains(expected[i]);
            assertThat(err.toString().lines().count()).isEqualTo(1);
            assertThat(plots).doesNotExist();
        }
        Path text = Files.writeString(dir.resolve("notes.duckdb"), "not a database\n".repeat(400));
        err.getBuffer().setLength(0);
        assertThat(run(text.toString(), "--out", plots.toString())).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("driftlab: " + text + ": not a DuckDB database file" + System.lineSeparator());
        assertThat(plots).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBaselineAddsThePairedTableWithHolmCorrectedPValues() {
        assertThat(run(store.toString(), "--out", dir.resolve("p").toString(), "--baseline", "hazard=0.01, reset=none"))
                .as(err.toString())
                .isZero();
        String text = out.toString();
        assertThat(text)
                .contains("paired difference in mean excess loss [loss] against hazard=0.01, reset=none on shared "
                        + "seeds (condition − baseline; 95% CI, paired t; p Holm-corrected over 4 tests)");
        // 5 rows (every condition but the baseline), one of them with the diverged run: no mean, marked
        List<String> paired =
                text.lines().dropWhile(l -> !l.startsWith("paired difference")).toList();
        assertThat(paired.get(1)).contains("pairs", "mean_diff", "p_holm", "median_diff_all");
        assertThat(paired.subList(3, 8)).filteredOn(l -> l.contains("—" + " †")).hasSize(1);
        assertThat(paired.get(8)).startsWith("† a pair with a diverged run has no difference");
    }

    @Test
    void aStoreWithTwoSweepsReportsTheChosenOneAndRefusesToMixThem() {
        try (ResultStore s = ResultStore.open(store)) {
            StoreFixtures.writeAll(
                    s,
                    StoreFixtures.sweep(
                            "other",
                            java.util.List.of("rule.lr"),
                            java.util.List.of(
                                    java.util.List.of(new org.driftlab.core.spec.SweptValue("rule.lr", "0.1")),
                                    java.util.List.of(new org.driftlab.core.spec.SweptValue("rule.lr", "0.2"))),
                            2),
                    -1);
        }
        assertThat(run(store.toString(), "--out", dir.resolve("p").toString())).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("driftlab: " + store + " holds 2 sweeps (reset-vs-hazard, other): choose one "
                        + "with --sweep NAME" + System.lineSeparator());
        assertThat(dir.resolve("p")).doesNotExist();
        err.getBuffer().setLength(0);
        assertThat(run(store.toString(), "--out", dir.resolve("p").toString(), "--sweep", "other"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("rule.lr").doesNotContain("hazard").doesNotContain("belief-threshold");
        assertThat(out.toString().lines().filter(l -> l.strip().matches("0\\.[12] .*")))
                .hasSize(2);
    }

    private Path simulatedStore(String belief) {
        Path file = dir.resolve("sim-" + belief + ".duckdb");
        try (ResultStore s = ResultStore.open(file)) {
            StoreFixtures.simulateAll(s, StoreFixtures.simulatedConfig("sim-" + belief, belief, 1));
        }
        return file;
    }

    private static String firstRunId(Path file) {
        try (ResultStore s = ResultStore.openReadOnly(file)) {
            return s.runs().get(0).result().runId();
        }
    }

    private static int count(BufferedImage img, java.awt.Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) n++;
        }
        return n;
    }

    @Test
    void aStoreWithBocpdRunsGetsTheRunLengthHeatmapOfTheFirstOrTheChosenRun() throws Exception {
        Path sim = simulatedStore("bocpd");
        Path plots = dir.resolve("plots");
        String first = firstRunId(sim);
        assertThat(run(sim.toString(), "--out", plots.toString()))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("wrote the run-length heatmap of run " + first);
        BufferedImage img =
                ImageIO.read(plots.resolve("run-length-" + first + ".png").toFile());
        assertThat(img.getWidth()).isEqualTo(RunLengthHeatmap.WIDTH);
        assertThat(img.getHeight()).isEqualTo(RunLengthHeatmap.HEIGHT);
        assertThat(count(img, RunLengthHeatmap.SWITCH_COLOR)).isGreaterThan(100);
        assertThat(plots.resolve("run-length-" + first + ".svg")).isRegularFile();

        String second;
        try (ResultStore s = ResultStore.openReadOnly(sim)) {
            second = s.runs().get(1).result().runId();
        }
        err.getBuffer().setLength(0);
        assertThat(run(sim.toString(), "--out", plots.toString(), "--run", second))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("wrote the run-length heatmap of run " + second);
        assertThat(plots.resolve("run-length-" + second + ".png")).isRegularFile();
    }

    @Test
    void runsWithoutBocpdGetAOneLineNoteInstead() {
        Path sim = simulatedStore("none");
        Path plots = dir.resolve("plots");
        assertThat(run(sim.toString(), "--out", plots.toString()))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains("no run-length heatmap: no run in the store has a BOCPD belief");
        err.getBuffer().setLength(0);
        assertThat(run(sim.toString(), "--out", plots.toString(), "--run", firstRunId(sim)))
                .as(err.toString())
                .isZero();
        assertThat(err.toString())
                .contains("no run-length heatmap: run " + firstRunId(sim) + " has no BOCPD belief (NoBeliefSpec)");
        assertThat(plots.toFile().list((d, n) -> n.startsWith("run-length"))).isEmpty();
    }

    @Test
    void anUnknownRunOrAStoredRunThatDoesNotReproduceIsExitTwo() throws Exception {
        Path sim = simulatedStore("bocpd");
        Path plots = dir.resolve("plots");
        assertThat(run(sim.toString(), "--out", plots.toString(), "--run", "nope"))
                .isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("driftlab: " + sim + ": no run 'nope' in the store" + System.lineSeparator());
        String first = firstRunId(sim);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + sim);
                Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE runs SET final_distance = final_distance + 0.25 WHERE run_id = '" + first + "'");
        }
        err.getBuffer().setLength(0);
        assertThat(run(sim.toString(), "--out", plots.toString())).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("driftlab: run " + first + ": re-simulating it from its stored config does not "
                        + "reproduce the stored run (final_distance: stored ")
                .contains("no run-length heatmap is drawn");
        assertThat(err.toString().lines().count()).isEqualTo(1);
        assertThat(plots).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void detectionPrintsHitsFalseAlarmsAndDelaysPerConditionAndPlotsTheRocCurve() throws Exception {
        Path sim = dir.resolve("detection.duckdb");
        String config = StoreFixtures.simulatedConfig("detection", "bocpd", 2)
                .replace(
                        "sweep { reset = [ { type = none }, { type = belief-threshold, tau = 0.3, window = 5 } ] }",
                        "reset { type = belief-threshold, tau = 0.3, window = 5 }\nsweep { reset.tau = [0.3, 0.99] }");
        assertThat(config).contains("reset.tau = [0.3, 0.99]");
        try (ResultStore s = ResultStore.open(sim)) {
            StoreFixtures.simulateAll(s, config);
        }
        Path plots = dir.resolve("plots");
        assertThat(run(sim.toString(), "--out", plots.toString(), "--detection"))
                .as(err.toString())
                .isZero();
        List<String> lines = out.toString().lines().toList();
        int title = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("detection quality per condition"))
                .findFirst()
                .orElseThrow());
        assertThat(lines.get(title + 1))
                .contains("reset.tau", "runs", "hits_per_switch", "false_alarms_per_1000", "delay_median", "delay_p90");
        // one row per τ; each a hit rate in [0, 1] and a non-negative false-alarm rate
        List<String> rows = lines.subList(title + 3, lines.size());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).strip()).startsWith("0.3 ");
        assertThat(rows.get(1).strip()).startsWith("0.99 ");
        assertThat(err.toString()).contains("wrote the detection plot").contains("detection-roc.png and .svg");
        BufferedImage img = ImageIO.read(plots.resolve("detection-roc.png").toFile());
        assertThat(img.getWidth()).isGreaterThan(500);
        assertThat(plots.resolve("detection-roc.svg")).isRegularFile();

        out.getBuffer().setLength(0);
        assertThat(run(sim.toString(), "--out", plots.toString(), "--detection", "--format", "csv"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("reset.tau,runs,switches_per_run,hits_per_switch,false_alarms_per_1000");
    }

    @Test
    void detectionWithoutABeliefIsOneLineExitTwoAndNothingPrinted() {
        Path sim = simulatedStore("none");
        Path plots = dir.resolve("plots");
        assertThat(run(sim.toString(), "--out", plots.toString(), "--detection"))
                .isEqualTo(2);
        assertThat(err.toString().lines().toList())
                .containsExactly("driftlab: " + sim + ": --detection: no run of sweep 'sim-none' has a task belief "
                        + "(belief = none), so there is no detection to score");
        assertThat(out.toString()).isEmpty();
        assertThat(plots).doesNotExist();
    }
}
