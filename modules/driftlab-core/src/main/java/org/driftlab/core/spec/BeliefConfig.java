package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.block;
import static org.driftlab.core.spec.Key.integer;
import static org.driftlab.core.spec.Key.optionalReal;
import static org.driftlab.core.spec.Key.real;

import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.belief.VarianceChangeModelSpec;
import org.driftlab.core.stream.StreamSpec;

/** The {@code belief} block and its {@code model} sub-block (DESIGN §6): their declaration and their reader. */
final class BeliefConfig {
    static final String FROM_STREAM = "from the stream (the exact model)";
    static final String CALIBRATED = "from the first `calibration` observations";
    static final long DEFAULT_CALIBRATION = 20;

    static final Block MODEL = Block.typed(
            "belief.model",
            "The observation model of a BOCPD belief",
            "",
            Variant.of(
                            "gaussian",
                            "z = θ − H⁻¹g per dimension; needs a quadratic stream, and gradient-noise > 0 unless"
                                    + " noise-var is set",
                            optionalReal("prior-mean", Range.FINITE, FROM_STREAM, "mean of a new task's optimum"),
                            optionalReal("prior-var", Range.POSITIVE, FROM_STREAM, "variance of a new task's optimum"),
                            optionalReal("noise-var", Range.POSITIVE, FROM_STREAM, "variance of z given the optimum"))
                    .builds(v -> new GaussianModelSpec(
                            v.optionalReal("prior-mean"), v.optionalReal("prior-var"), v.optionalReal("noise-var"))),
            Variant.of(
                            "normal-gamma",
                            "the observed loss (a scalar); any stream",
                            real("mu0", 0.0, Range.FINITE, "prior mean of the loss level"),
                            real("kappa0", 1.0, Range.POSITIVE, "pseudo-observations of the mean"),
                            real("alpha0", 1.0, Range.POSITIVE, "shape of the precision's gamma prior"),
                            real("beta0", 1.0, Range.POSITIVE, "rate of the precision's gamma prior"))
                    .builds(v -> new NormalGammaModelSpec(
                            v.real("mu0"), v.real("kappa0"), v.real("alpha0"), v.real("beta0"))),
            Variant.of(
                            "linear-regression",
                            "the minibatch (x, y); needs a linear-regression stream",
                            real("prior-var", 1.0, Range.POSITIVE, "prior variance of the regression weights"),
                            real("alpha0", 1.0, Range.POSITIVE, "shape of the noise precision's gamma prior"),
                            real("beta0", 1.0, Range.POSITIVE, "rate of the noise precision's gamma prior"))
                    .builds(v -> new LinearRegressionModelSpec(v.real("prior-var"), v.real("alpha0"), v.real("beta0"))),
            Variant.of(
                            "variance-change",
                            "zero-mean Normal with an inverse-gamma variance, on the residual of the weights"
                                    + " frozen at the start and after each reset (independent of the current θ); a regression stream",
                            real("alpha0", 1.0, Range.POSITIVE, "shape of the variance's inverse-gamma prior"),
                            optionalReal(
                                    "beta0",
                                    Range.POSITIVE,
                                    CALIBRATED + ": alpha0 · mean(x²)",
                                    "scale of the variance's" + " inverse-gamma prior"),
                            integer(
                                            "calibration",
                                            DEFAULT_CALIBRATION,
                                            1,
                                            1_000_000,
                                            "first observations that set an unset beta0;" + " they start no run")
                                    .unit("steps"))
                    .builds(v -> new VarianceChangeModelSpec(
                            v.real("alpha0"), v.optionalReal("beta0"), (int) v.integer("calibration"))),
            Variant.of(
                            "log-normal-gamma",
                            "normal-gamma on log|x| of the same snapshot residual: robust to heavy tails;"
                                    + " a regression stream",
                            optionalReal("mu0", Range.FINITE, CALIBRATED + ": mean(log|x|)", "prior mean of log|x|"),
                            real("kappa0", 1.0, Range.POSITIVE, "pseudo-observations of the mean"),
                            real("alpha0", 1.0, Range.POSITIVE, "shape of the precision's gamma prior"),
                            optionalReal(
                                    "beta0",
                                    Range.POSITIVE,
                                    CALIBRATED + ": alpha0 · var(log|x|)",
                                    "rate of the precision's" + " gamma prior"),
                            integer(
                                            "calibration",
                                            DEFAULT_CALIBRATION,
                                            2,
                                            1_000_000,
                                            "first observations that set an unset mu0" + " or beta0; they start no run")
                                    .unit("steps"))
                    .builds(v -> new LogNormalGammaModelSpec(
                            v.optionalReal("mu0"), v.real("kappa0"), v.real("alpha0"), v.optionalReal("beta0"), (int)
                                    v.integer("calibration"))));

    /** Shared with the observer rules: absent, the value is the stream's ({@link StreamDefaults#hazard}). */
    static final Key HAZARD = optionalReal(
            "hazard", Range.OPEN_UNIT, StreamDefaults.FROM_STREAM, "the belief's constant switch probability");
    /** Shared with the ideal-observer rule, which runs a BOCPD of its own. */
    static final Key PRUNE =
            real("prune", 1e-10, Range.UNIT_FROM_ZERO, "drop run lengths with posterior below it (0 = exact)");

    static final long DEFAULT_R_MAX = 256;

    /** The longest run length a BOCPD keeps (the belief's and the ideal observer's): its cap bounds memory per run. */
    static final Key R_MAX = integer(
                    "r-max",
                    DEFAULT_R_MAX,
                    1,
                    1_000_000,
                    "longest run length kept (it binds, and"
                            + " changes p_change and the posterior mean, when tasks last longer than about r-max/10 steps: set ≥ 10/hazard"
                            + " then)")
            .unit("steps");

    static final Block BELIEF = Block.typed(
            "belief",
            "The task belief (DESIGN §6)",
            "",
            Variant.of(
                            "none",
                            "no belief (only none, periodic, oracle, shrink-perturb, l2-init and continual-backprop resets)")
                    .builds(v -> new NoBeliefSpec()),
            Variant.of(
                    "bocpd",
                    "Bayesian online change-point detection (Adams & MacKay 2007)",
                    HAZARD,
                    block("model", MODEL, "gaussian", "the observation model"),
                    PRUNE,
                    R_MAX),
            Variant.of(
                    "hmm",
                    "a filter over the K tasks of a markov stream (needs gradient-noise > 0)",
                    HAZARD.withDoc("switch probability of the filter")));

    private BeliefConfig() {}

    /**
     * The belief spec, or null when {@code n} has problems (recorded). A hazard left out is the stream's
     * ({@link StreamDefaults}); {@code stream} is null when the stream block has problems.
     */
    static BeliefSpec read(ConfigNode n, StreamSpec stream) {
        int mark = n.problems().count();
        String type = n.type(BELIEF);
        if (type == null) return null;
        Variant v = BELIEF.variant(type);
        if (v.spec() != null) return n.buildVariant(mark, v, BeliefSpec.class);
        double hazard = StreamDefaults.hazard(n, v.key("hazard"), stream);
        if (type.equals("hmm")) {
            n.finish();
            return n.build(mark, () -> new HmmSpec(hazard));
        }
        // bocpd: its model is a sub-block
        Key modelKey = v.key("model");
        ConfigNode m = n.child(modelKey);
        ObservationModelSpec model = m == null ? null : model(m);
        if (m != null) n.adopt(modelKey.name(), m);
        double prune = n.real(v.key("prune"));
        int rMax = (int) n.integer(v.key("r-max"));
        n.finish();
        return n.build(mark, () -> new BocpdSpec(hazard, model, prune, rMax));
    }

    private static ObservationModelSpec model(ConfigNode m) {
        int mark = m.problems().count();
        String type = m.type(MODEL);
        return type == null ? null : m.buildVariant(mark, MODEL.variant(type), ObservationModelSpec.class);
    }
}
