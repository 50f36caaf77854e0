package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.driftlab.core.sim.RunLengthPosterior;
import org.driftlab.results.export.TableFormat;
import org.driftlab.results.plot.RunLengthHeatmap;
import org.driftlab.results.replay.ReplayMismatchException;
import org.driftlab.results.replay.RunReplay;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreException;
import org.driftlab.results.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab report STORE}: prints the per-condition statistics of one metric (DESIGN §8, §10) and writes
 * the plots as PNG and SVG. Wiring only: {@link ConditionReport} prints the table and writes the plots (the
 * same code {@code run} and {@code submit} end with), {@link RunReplay} and {@link RunLengthHeatmap} the run-length
 * heatmap of one BOCPD run (re-simulated from the stored config, checked against the store). Bad input (no store,
 * a corrupt file, an unknown metric, sweep, baseline, parameter or run, a stored run its re-simulation does not
 * reproduce) is one line on stderr, exit code 2, and nothing written.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Print per-condition statistics (n, mean, sd, se, 95%% CI, median) of one sweep in a results "
                    + "store, the best value of the plotted parameter with a bootstrap interval, optionally paired "
                    + "differences against a baseline condition, and "
                    + "write plots (PNG and SVG): binned loss with CI bands and one run's switch times, switch-aligned "
                    + "excess loss, a metric against a swept parameter, and the run-length posterior heatmap of one "
                    + "BOCPD run (re-simulated from the stored config)."
        })
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "STORE",
            description = "The results store, e.g. results/reset-vs-hazard.duckdb.")
    Path store;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Directory for the plots (created if needed; default: <store without .duckdb>-report next to the store).")
    Path out;

    @Option(
            names = "--metric",
            paramLabel = "M",
            defaultValue = "mean_excess_loss",
            description = "Metric of the tables and of the parameter plot (default: ${DEFAULT-VALUE}); one of the "
                    + "RunMetrics measures (mean_loss, mean_excess_loss, objective, ...) or wall_ms.")
    String metric;

    @Option(
            names = "--sweep",
            paramLabel = "NAME",
            description = "The sweep to report (default: the store's only sweep; `driftlab sweeps STORE` lists them).")
    String sweep;

    @Option(
            names = "--baseline",
            paramLabel = "CONDITION",
            description = "Also compare every other condition with this one on paired seeds: mean difference, 95%% CI, "
                    + "paired-t p-value, Holm-corrected across the table. CONDITION is a label as the table shows it "
                    + "(e.g. reset=none) or a condition id.")
    String baseline;

    @Option(
            names = "--by",
            paramLabel = "PARAM",
            description = "Swept parameter on the x axis of the metric plot, full key or its last segment "
                    + "(default: the first varying numeric one); the other varying parameters give one line each.")
    String by;

    @Option(
            names = "--format",
            paramLabel = "FMT",
            defaultValue = "table",
            description = "Table format: table (aligned columns), md, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--run",
            paramLabel = "RUN_ID",
            description = "Run whose true switch times are marked on the binned-loss plot (default: the first "
                    + "non-diverged run of the first condition) and whose run-length posterior heatmap is drawn "
                    + "(default: the first run, by run id, with a BOCPD belief).")
    String runId;

    @Option(
            names = "--detection",
            description = "Also print detection quality per condition (hits per switch within each run's detection "
                    + "window, false alarms per 1,000 steps, the detection delays' median and 90th percentile) and "
                    + "plot hits per switch against false alarms per 1,000 steps (detection-roc.png/.svg), one line "
                    + "per condition apart from a swept tau; needs runs with a task belief.")
    boolean detection;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Metric m = Metric.parse(metric);
            TableFormat f = TableFormat.parse(format);
            try (ResultStore s = ResultStore.openReadOnly(store)) {
                String chosen = SweepsCommand.select(s, sweep);
                List<StoredRun> runs = s.runs(chosen);
                if (runs.isEmpty())
                    throw new IllegalArgumentException(store + ": the store holds no runs"
                            + (chosen == null ? " yet" : " of sweep '" + chosen + "' yet"));
                StoredRun marked = runId == null
                        ? null
                        : s.run(runId)
                                .orElseThrow(() ->
                                        new IllegalArgumentException(store + ": no run '" + runId + "' in the store"));
                Path dir = out != null ? out : ConditionReport.defaultPlotDir(store);
                // re-simulated before anything is printed or written: a run that does not reproduce fails the report
                String[] note = new String[1];
                RunReplay replay = new RunReplay(s.sweeps());
                DetectionReport detections =
                        detection ? DetectionReport.prepare(store, replay, runs, s.sweptKeys(chosen)) : null;
                RunLengthPosterior posterior = heatmapPosterior(replay, runs, marked, note);
                ConditionReport.print(runs, s.sweptKeys(chosen), m, f, by, marked, dir, baseline, stdout, err);
                if (detections != null) {
                    stdout.print((f == TableFormat.TABLE || f == TableFormat.MD ? "\n" : "") + detections.render(f));
                    stdout.flush();
                    detections.writePlot(dir, err);
                }
                if (posterior != null) {
                    List<Path> files = RunLengthHeatmap.write(posterior, dir);
                    err.println("wrote the run-length heatmap of run " + posterior.runId() + " to "
                            + files.get(0).getFileName() + " and .svg");
                } else {
                    err.println("no run-length heatmap: " + note[0]);
                }
                err.flush();
                return 0;
            }
        } catch (StoreException | IllegalArgumentException | UncheckedIOException | ReplayMismatchException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot write: " + e.getMessage());
        }
    }

    /**
     * The run-length posterior of {@code chosen} (null: the first BOCPD run), or null with the reason in
     * {@code note[0]} when there is none to draw.
     *
     * @throws ReplayMismatchException when the run's re-simulation does not reproduce the stored run
     */
    private static RunLengthPosterior heatmapPosterior(
            RunReplay replay, List<StoredRun> runs, StoredRun chosen, String[] note) {
        Optional<RunReplay.Target> target;
        if (chosen == null) {
            target = replay.firstBocpd(runs);
            if (target.isEmpty()) note[0] = "no run in the store has a BOCPD belief (or a readable stored config)";
        } else {
            try {
                target = Optional.of(replay.target(chosen));
            } catch (ReplayMismatchException e) {
                note[0] = e.getMessage();
                return null;
            }
            if (!target.get().hasBocpd()) {
                note[0] = "run " + chosen.result().runId() + " has no BOCPD belief ("
                        + target.get().spec().belief().getClass().getSimpleName() + ")";
                return null;
            }
        }
        return target.isEmpty() ? null : RunReplay.runLengthPosterior(target.get(), RunLengthHeatmap.MAX_COLUMNS);
    }

    private static int fail(PrintWriter err, String message) {
        err.println("driftlab: " + message);
        err.flush();
        return 2;
    }
}
