package org.driftlab.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.core.belief.BeliefSeries;
import org.driftlab.core.footprint.RunFootprint;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.series.SeriesCsv;
import org.driftlab.core.spec.SizeLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab belief}: runs BOCPD over a recorded series (a CSV with a header row, one column per
 * dimension) and writes {@code t,map_run_length,mean_run_length,p_change} per row, t from 1, with
 * p_change = P(r_t ≤ min(W, t) − 1) (DESIGN §6). Output goes to stdout, or atomically to {@code --out}.
 */
@Command(name = "belief", mixinStandardHelpOptions = true,
        description = {"Run Bayesian online changepoint detection over a CSV series.",
                "Writes t,map_run_length,mean_run_length,p_change (t from 1) in full double precision."})
public final class BeliefCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--input", required = true, paramLabel = "SERIES.csv", description = "Header row, one numeric column per dimension.")
    Path input;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "gaussian (known noise, per column) or normal-gamma (one column).")
    String model;

    @Option(names = "--hazard", required = true, paramLabel = "H", description = "Constant switch hazard, in (0, 1).")
    double hazard;

    @Option(names = "--prior-mean", paramLabel = "M", description = "Prior mean of each column's level (gaussian), or mu0 (normal-gamma). Default 0.")
    Double priorMean;

    @Option(names = "--prior-var", paramLabel = "V", description = "gaussian: prior variance of the level (default 1).")
    Double priorVar;

    @Option(names = "--noise-var", paramLabel = "S", description = "gaussian: observation noise variance (default 1).")
    Double noiseVar;

    @Option(names = "--kappa0", paramLabel = "K", description = "normal-gamma: prior pseudo-count of the mean (default 1).")
    Double kappa0;

    @Option(names = "--alpha0", paramLabel = "A", description = "normal-gamma: Gamma shape of the precision (default 1).")
    Double alpha0;

    @Option(names = "--beta0", paramLabel = "B", description = "normal-gamma: Gamma rate of the precision (default 1).")
    Double beta0;

    @Option(names = "--window", paramLabel = "W", defaultValue = "10", description = "p_change window in steps (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--prune", paramLabel = "TOL", defaultValue = "1e-10", description = "Drop run lengths below this posterior; 0 = exact (default: ${DEFAULT-VALUE}).")
    double prune;

    @Option(names = "--r-max", paramLabel = "R", description = "Longest run length kept, 1 to 1,000,000 (default: the series length up to 1,000,000, so a shorter series is not capped).")
    Integer rMax;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        return ExitCodes.run(spec, debug, () -> {
            boolean gaussian = "gaussian".equals(model);
            rejectForeignOptions(gaussian);
            if (out != null) OutputGuard.refuseClobbering("--out", out, List.of(new OutputGuard.Input("the input series", input)));
            if (rMax != null && (rMax < 1 || rMax > SizeLimits.MAX_R_MAX)) {
                throw new BadInputException("--r-max must be in 1.." + SizeLimits.MAX_R_MAX + ", got " + rMax);
            }
            SeriesCsv series = SeriesCsv.read(input);
            BeliefSeries.Options options = ExitCodes.fromUserValues(() -> new BeliefSeries.Options(model, hazard, orDefault(priorMean, 0.0),
                    gaussian ? orDefault(priorVar, 1.0) : priorVar, gaussian ? orDefault(noiseVar, 1.0) : noiseVar,
                    gaussian ? kappa0 : orDefault(kappa0, 1.0), gaussian ? alpha0 : orDefault(alpha0, 1.0),
                    gaussian ? beta0 : orDefault(beta0, 1.0), window, prune, rMax != null ? rMax : Math.max(1, Math.min(series.rows(), SizeLimits.MAX_R_MAX))));
            SweepMemory.requireHeap("--r-max " + options.rMax() + " over " + series.width() + " columns",
                    RunFootprint.bocpd(options.spec().model(), options.rMax(), series.width(), series.width()),
                    "lower --r-max, or raise the heap with DRIFTLAB_JAVA_OPTS=-Xmx...");
            PrintWriter err = spec.commandLine().getErr();
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                BeliefSeries.run(series, options, progress(stdout, err, series.rows()));
                stdout.flush();
            } else {
                AtomicOutput.write(out, temp -> {
                    try (Writer w = progress(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), err, series.rows())) {
                        BeliefSeries.run(series, options, w);
                    }
                });
                err.println("driftlab: " + series.rows() + " rows -> " + out);
            }
            return ExitCodes.OK;
        });
    }

    private static Writer progress(Writer w, PrintWriter err, long rows) {
        return new RowProgress(w, err, "belief", "rows", rows, RowProgress.INTERVAL_NANOS, System::nanoTime);
    }

    /** An option of the other model is a mistake, not something to ignore silently. */
    private void rejectForeignOptions(boolean gaussian) {
        if (gaussian && (kappa0 != null || alpha0 != null || beta0 != null)) {
            throw new BadInputException("--kappa0, --alpha0 and --beta0 apply to --model normal-gamma only");
        }
        if (!gaussian && (priorVar != null || noiseVar != null)) {
            throw new BadInputException("--prior-var and --noise-var apply to --model gaussian only");
        }
    }

    private static Double orDefault(Double value, double fallback) {
        return value != null ? value : fallback;
    }
}
