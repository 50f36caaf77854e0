package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.block;
import static org.driftlab.core.spec.Key.integer;
import static org.driftlab.core.spec.Key.optionalReal;
import static org.driftlab.core.spec.Key.real;
import static org.driftlab.core.spec.Key.requiredReal;

import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;

/** The {@code belief} block and its {@code model} sub-block (DESIGN §6): their declaration and their reader. */
final class BeliefConfig {
    static final String FROM_STREAM = "from the stream (the exact model)";

    static final Block MODEL = Block.typed("belief.model", "The observation model of a BOCPD belief", "",
            Variant.of("gaussian", "z = θ − H⁻¹g per dimension; needs a quadratic stream, and gradient-noise > 0 unless"
                            + " noise-var is set",
                    optionalReal("prior-mean", Range.FINITE, FROM_STREAM, "mean of a new task's optimum"),
                    optionalReal("prior-var", Range.POSITIVE, FROM_STREAM, "variance of a new task's optimum"),
                    optionalReal("noise-var", Range.POSITIVE, FROM_STREAM, "variance of z given the optimum"))
                    .builds(v -> new GaussianModelSpec(v.optionalReal("prior-mean"), v.optionalReal("prior-var"),
                            v.optionalReal("noise-var"))),
            Variant.of("normal-gamma", "the observed loss (a scalar); any stream",
                    real("mu0", 0.0, Range.FINITE, "prior mean of the loss level"),
                    real("kappa0", 1.0, Range.POSITIVE, "pseudo-observations of the mean"),
                    real("alpha0", 1.0, Range.POSITIVE, "shape of the precision's gamma prior"),
                    real("beta0", 1.0, Range.POSITIVE, "rate of the precision's gamma prior"))
                    .builds(v -> new NormalGammaModelSpec(v.real("mu0"), v.real("kappa0"), v.real("alpha0"), v.real("beta0"))),
            Variant.of("linear-regression", "the minibatch (x, y); needs a linear-regression stream",
                    real("prior-var", 1.0, Range.POSITIVE, "prior variance of the regression weights"),
                    real("alpha0", 1.0, Range.POSITIVE, "shape of the noise precision's gamma prior"),
                    real("beta0", 1.0, Range.POSITIVE, "rate of the noise precision's gamma prior"))
                    .builds(v -> new LinearRegressionModelSpec(v.real("prior-var"), v.real("alpha0"), v.real("beta0"))));

    static final Key HAZARD = requiredReal("hazard", Range.OPEN_UNIT, "the belief's constant switch probability");
    /** Shared with the ideal-observer rule, which runs a BOCPD of its own. */
    static final Key PRUNE = real("prune", 1e-10, Range.UNIT_FROM_ZERO, "drop run lengths with posterior below it (0 = exact)");
    static final long DEFAULT_R_MAX = 256;

    /** The longest run length a BOCPD keeps (the belief's and the ideal observer's): its cap bounds memory per run. */
    static final Key R_MAX = integer("r-max", DEFAULT_R_MAX, 1, 1_000_000, "longest run length kept").unit("steps");

    static final Block BELIEF = Block.typed("belief", "The task belief (DESIGN §6)", "",
            Variant.of("none", "no belief (only none, periodic, oracle, shrink-perturb, l2-init and continual-backprop resets)")
                    .builds(v -> new NoBeliefSpec()),
            Variant.of("bocpd", "Bayesian online change-point detection (Adams & MacKay 2007)", HAZARD,
                    block("model", MODEL, "gaussian", "the observation model"),
                    PRUNE,
                    R_MAX),
            Variant.of("hmm", "a filter over the K tasks of a markov stream (needs gradient-noise > 0)",
                    HAZARD.withDoc("switch probability of the filter")).builds(v -> new HmmSpec(v.real("hazard"))));

    private BeliefConfig() {}

    /** The belief spec, or null when {@code n} has problems (recorded). */
    static BeliefSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(BELIEF);
        if (type == null) return null;
        Variant v = BELIEF.variant(type);
        if (v.spec() != null) return n.buildVariant(mark, v, BeliefSpec.class);
        // bocpd: its model is a sub-block
        double hazard = n.real(v.key("hazard"));
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
