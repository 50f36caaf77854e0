package org.driftlab.core.belief;

import java.io.IOException;
import org.driftlab.core.series.SeriesCsv;

/**
 * Runs a BOCPD task belief over a recorded series: the engine of {@code driftlab belief}. Each step t
 * (from 1) gives one row {@code t,map_run_length,mean_run_length,p_change} with p_change = p_change(W) for
 * the window W; the run never calls {@link TaskBelief#markReset()}, so n_t = t. Doubles are written with
 * {@link Double#toString(double)} (full precision, round-trips).
 */
public final class BeliefSeries {
    /** The CSV header of the output. */
    public static final String HEADER = "t,map_run_length,mean_run_length,p_change";

    private BeliefSeries() {}

    /**
     * The options of {@code driftlab belief}, validated. {@code model} is {@code gaussian} (needs
     * {@code priorMean}, {@code priorVar} and {@code noiseVar}: a series has no stream to take them from) or
     * {@code normal-gamma} (μ0 = {@code priorMean}, and {@code kappa0}, {@code alpha0}, {@code beta0}; the
     * series must have one column). {@code prune} 0 runs the exact recursion (given r-max ≥ the series length).
     */
    public record Options(String model, double hazard, Double priorMean, Double priorVar, Double noiseVar,
                          Double kappa0, Double alpha0, Double beta0, int window, double prune, int rMax) {
        public Options {
            if (model == null || !(model.equals("gaussian") || model.equals("normal-gamma"))) {
                throw new IllegalArgumentException("model must be gaussian or normal-gamma, got " + model);
            }
            if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
            if (model.equals("gaussian")) {
                if (priorMean == null || priorVar == null || noiseVar == null) {
                    throw new IllegalArgumentException("model gaussian on a series needs prior-mean, prior-var and noise-var");
                }
            } else if (priorMean == null || kappa0 == null || alpha0 == null || beta0 == null) {
                throw new IllegalArgumentException("model normal-gamma needs prior-mean, kappa0, alpha0 and beta0");
            }
            spec(model, hazard, priorMean, priorVar, noiseVar, kappa0, alpha0, beta0, prune, rMax); // validates the values
        }

        /** The belief spec these options describe. */
        public BocpdSpec spec() {
            return spec(model, hazard, priorMean, priorVar, noiseVar, kappa0, alpha0, beta0, prune, rMax);
        }

        private static BocpdSpec spec(String model, double hazard, Double priorMean, Double priorVar, Double noiseVar,
                                      Double kappa0, Double alpha0, Double beta0, double prune, int rMax) {
            ObservationModelSpec m = model.equals("gaussian")
                    ? new GaussianModelSpec(priorMean, priorVar, noiseVar)
                    : new NormalGammaModelSpec(priorMean, kappa0, alpha0, beta0);
            return new BocpdSpec(hazard, m, prune, rMax);
        }

        /** A fresh belief for a series of {@code width} columns. */
        public Bocpd belief(int width) {
            return TaskBeliefs.bocpd(spec(), new EvidenceInfo(width, null, Double.NaN, Double.NaN, null));
        }
    }

    /** Reads the series, runs a fresh belief of {@code options} over it and writes header and rows to {@code out}. */
    public static void run(SeriesCsv series, Options options, Appendable out) throws IOException {
        run(options.belief(series.width()), series.values(), options.window(), out);
    }

    /**
     * Feeds {@code belief} the row-major {@code values} (length a multiple of its width), one step per row, and
     * writes {@link #HEADER} and one row per step to {@code out}.
     */
    public static void run(TaskBelief belief, double[] values, int window, Appendable out) throws IOException {
        int w = belief.width();
        if (values.length % w != 0) {
            throw new IllegalArgumentException("values length " + values.length + " is not a multiple of the width " + w);
        }
        if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
        out.append(HEADER).append('\n');
        StringBuilder line = new StringBuilder(96);
        for (int off = 0; off < values.length; off += w) {
            belief.observe(values, off);
            line.setLength(0);
            line.append(belief.steps()).append(',').append(belief.mapRunLength()).append(',')
                    .append(Double.toString(belief.meanRunLength())).append(',')
                    .append(Double.toString(belief.pChange(window))).append('\n');
            out.append(line);
        }
    }

    /**
     * The same rows as {@link #run(TaskBelief, double[], int, Appendable)} in memory: columns t, map run length,
     * mean run length, p_change, one array per step.
     */
    public static double[][] rows(TaskBelief belief, double[] values, int window) {
        int w = belief.width();
        if (values.length % w != 0) {
            throw new IllegalArgumentException("values length " + values.length + " is not a multiple of the width " + w);
        }
        double[][] rows = new double[values.length / w][];
        for (int t = 0; t < rows.length; t++) {
            belief.observe(values, t * w);
            rows[t] = new double[] {belief.steps(), belief.mapRunLength(), belief.meanRunLength(), belief.pChange(window)};
        }
        return rows;
    }

}
