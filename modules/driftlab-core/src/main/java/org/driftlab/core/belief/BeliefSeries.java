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

    /** The observation models {@code driftlab belief} offers, as named by {@code --model}. */
    public static final java.util.List<String> MODELS =
            java.util.List.of("gaussian", "normal-gamma", "variance-change", "log-normal-gamma");

    /**
     * The prior and noise values of {@code driftlab belief}'s models, each null where not given: which ones a model
     * needs is {@link Options}' contract.
     */
    public record Priors(
            Double priorMean, Double priorVar, Double noiseVar, Double kappa0, Double alpha0, Double beta0) {
        /** The observation model {@code model} (one of {@link #MODELS}) with these values; its constructor checks them. */
        ObservationModelSpec model(String model, int calibration) {
            switch (model) {
                case "gaussian" ->
                    require(
                            priorMean != null && priorVar != null && noiseVar != null,
                            "model gaussian on a series needs prior-mean, prior-var and noise-var");
                case "normal-gamma" ->
                    require(
                            priorMean != null && kappa0 != null && alpha0 != null && beta0 != null,
                            "model normal-gamma needs prior-mean, kappa0, alpha0 and beta0");
                case "variance-change" -> require(alpha0 != null, "model variance-change needs alpha0");
                default -> require(kappa0 != null && alpha0 != null, "model log-normal-gamma needs kappa0 and alpha0");
            }
            return switch (model) {
                case "gaussian" -> new GaussianModelSpec(priorMean, priorVar, noiseVar);
                case "normal-gamma" -> new NormalGammaModelSpec(priorMean, kappa0, alpha0, beta0);
                case "variance-change" -> new VarianceChangeModelSpec(alpha0, beta0, calibration);
                default -> new LogNormalGammaModelSpec(priorMean, kappa0, alpha0, beta0, calibration);
            };
        }

        private static void require(boolean ok, String message) {
            if (!ok) throw new IllegalArgumentException(message);
        }
    }

    /**
     * The options of {@code driftlab belief}, validated. {@code model} is one of {@link #MODELS}:
     * {@code gaussian} needs {@code priorMean}, {@code priorVar} and {@code noiseVar} (a series has no stream to take
     * them from); {@code normal-gamma} needs μ0 = {@code priorMean}, {@code kappa0}, {@code alpha0}, {@code beta0};
     * {@code variance-change} needs {@code alpha0}, and {@code beta0} or the {@code calibration} observations that
     * set it; {@code log-normal-gamma} needs {@code kappa0}, {@code alpha0}, and μ0 = {@code priorMean} and
     * {@code beta0} or the {@code calibration} observations that set them. Every model but gaussian needs one
     * column. {@code prune} 0 runs the exact recursion (given r-max ≥ the series length).
     */
    public record Options(
            String model, double hazard, Priors priors, int calibration, int window, double prune, int rMax) {
        public Options {
            if (model == null || !MODELS.contains(model)) {
                throw new IllegalArgumentException(
                        "model must be one of " + String.join(", ", MODELS) + "; got " + model);
            }
            if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
            if (priors == null) throw new IllegalArgumentException("priors must be given");
            spec(model, hazard, priors, calibration, prune, rMax); // validates the values
        }

        /** The belief spec these options describe. */
        public BocpdSpec spec() {
            return spec(model, hazard, priors, calibration, prune, rMax);
        }

        private static BocpdSpec spec(
                String model, double hazard, Priors priors, int calibration, double prune, int rMax) {
            return new BocpdSpec(hazard, priors.model(model, calibration), prune, rMax);
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
            throw new IllegalArgumentException(
                    "values length " + values.length + " is not a multiple of the width " + w);
        }
        if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
        out.append(HEADER).append('\n');
        StringBuilder line = new StringBuilder(96);
        for (int off = 0; off < values.length; off += w) {
            belief.observe(values, off);
            line.setLength(0);
            line.append(belief.steps())
                    .append(',')
                    .append(belief.mapRunLength())
                    .append(',')
                    .append(Double.toString(belief.meanRunLength()))
                    .append(',')
                    .append(Double.toString(belief.pChange(window)))
                    .append('\n');
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
            throw new IllegalArgumentException(
                    "values length " + values.length + " is not a multiple of the width " + w);
        }
        double[][] rows = new double[values.length / w][];
        for (int t = 0; t < rows.length; t++) {
            belief.observe(values, t * w);
            rows[t] =
                    new double[] {belief.steps(), belief.mapRunLength(), belief.meanRunLength(), belief.pChange(window)
                    };
        }
        return rows;
    }

    /** The CSV header of {@link #writeChangepoints}. */
    public static final String CHANGEPOINT_HEADER = "detected_at,change_at";

    /**
     * The changes a threshold detector reports on {@code values}, as the simulator's belief-threshold reset acts:
     * at step t (from 1) a change is declared when p_change(W) &gt; {@code threshold}, and the belief is then
     * marked reset, so the same change does not fire again. Each detection is {detected_at = t, change_at = the
     * first step of the most probable run among those p_change counts (r ≤ min(W, n_t) − 1), t − r + 1}.
     */
    public static java.util.List<long[]> changepoints(Bocpd belief, double[] values, int window, double threshold) {
        int w = belief.width();
        if (values.length % w != 0) {
            throw new IllegalArgumentException(
                    "values length " + values.length + " is not a multiple of the width " + w);
        }
        if (window <= 0) throw new IllegalArgumentException("window must be > 0, got " + window);
        if (!(threshold > 0 && threshold < 1))
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        double[] post = new double[belief.maxRunLength() + 1];
        java.util.List<long[]> found = new java.util.ArrayList<>();
        for (int off = 0; off < values.length; off += w) {
            belief.observe(values, off);
            if (!(belief.pChange(window) > threshold)) continue;
            belief.runLengthPosterior(post);
            long limit = Math.min(window, belief.stepsSinceReset()) - 1;
            int best = 0;
            for (int r = 1; r <= limit && r < post.length; r++) if (post[r] > post[best]) best = r;
            long t = belief.steps();
            found.add(new long[] {t, t - best + 1});
            belief.markReset();
        }
        return found;
    }

    /** Runs a fresh belief of {@code options} over the series and writes its {@link #changepoints} as CSV. */
    public static void writeChangepoints(SeriesCsv series, Options options, double threshold, Appendable out)
            throws IOException {
        out.append(CHANGEPOINT_HEADER).append('\n');
        for (long[] c : changepoints(options.belief(series.width()), series.values(), options.window(), threshold)) {
            out.append(Long.toString(c[0]))
                    .append(',')
                    .append(Long.toString(c[1]))
                    .append('\n');
        }
    }
}
