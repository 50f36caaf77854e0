package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.results.export.TableFormat;
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
 * same code {@code run} and {@code submit} end with). Bad input (no store, a corrupt file, an unknown metric,
 * parameter or run) is one line on stderr, exit code 2, and nothing written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print per-condition statistics (n, mean, sd, se, 95%% CI, median) of a results store and "
                + "write plots (PNG and SVG): binned loss with CI bands and one run's switch times, switch-aligned "
                + "excess loss, and a metric against a swept parameter."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "The results store, e.g. results/reset-vs-hazard.duckdb.")
    Path store;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the plots (created if needed; default: <store without .duckdb>-report next to the store).")
    Path out;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "mean_excess_loss",
            description = "Metric of the table and of the parameter plot (default: ${DEFAULT-VALUE}); one of: "
                    + "mean_loss, mean_excess_loss, objective, switches, resets, detections, mean_detection_delay, "
                    + "false_alarms, missed_switches, final_distance, wall_ms.")
    String metric;

    @Option(names = "--by", paramLabel = "PARAM",
            description = "Swept parameter on the x axis of the metric plot, full key or its last segment "
                    + "(default: the first varying numeric one); the other varying parameters give one line each.")
    String by;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "Table format: table (aligned columns), md, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--run", paramLabel = "RUN_ID",
            description = "Run whose true switch times are marked on the binned-loss plot (default: the first "
                    + "non-diverged run of the first condition).")
    String runId;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Metric m = Metric.parse(metric);
            TableFormat f = TableFormat.parse(format);
            try (ResultStore s = ResultStore.openReadOnly(store)) {
                List<StoredRun> runs = s.runs();
                if (runs.isEmpty()) throw new IllegalArgumentException(store + ": the store holds no runs yet");
                StoredRun marked = runId == null ? null
                        : s.run(runId).orElseThrow(() -> new IllegalArgumentException(store + ": no run '" + runId + "' in the store"));
                Path dir = out != null ? out : ConditionReport.defaultPlotDir(store);
                ConditionReport.print(runs, s.paramColumns(), m, f, by, marked, dir, stdout, err);
                return 0;
            }
        } catch (StoreException | IllegalArgumentException | UncheckedIOException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot write: " + e.getMessage());
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("driftlab: " + message);
        err.flush();
        return 2;
    }
}
