package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.block;
import static org.driftlab.core.spec.Key.bool;
import static org.driftlab.core.spec.Key.choice;
import static org.driftlab.core.spec.Key.integer;
import static org.driftlab.core.spec.Key.matrix;
import static org.driftlab.core.spec.Key.real;
import static org.driftlab.core.spec.Key.reals;
import static org.driftlab.core.spec.Key.requiredBlock;
import static org.driftlab.core.spec.Key.requiredInteger;
import static org.driftlab.core.spec.Key.requiredReal;

import com.typesafe.config.ConfigValueType;
import java.util.List;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.DriftSwitchSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.driftlab.core.stream.StreamSpec;
import org.driftlab.core.stream.SwitchSpec;

/** The {@code stream} and {@code stream.switching} blocks (DESIGN §4): their declaration and their reader. */
final class StreamConfig {
    private static final int INT_MAX = Integer.MAX_VALUE;

    // ---- stream.switching ---------------------------------------------------------------------------------

    static final Key HAZARD = requiredReal("hazard", Range.OPEN_UNIT, "ρ: probability of a switch before each step");
    static final Key PERIOD = requiredInteger("period", 1, Long.MAX_VALUE, "T: a switch at steps T, 2T, …")
            .unit("steps");
    static final Key TASKS = requiredInteger("tasks", 2, INT_MAX, "K recurring tasks");
    static final Key DRIFT_RATE = requiredReal("rate", Range.UNIT_FROM_ZERO, "pull toward μ0 per step");
    static final Key DRIFT_SIGMA =
            requiredReal("sigma", Range.NON_NEGATIVE, "std of the optimum's random walk per step");

    static final Block SWITCHING = Block.typed(
            "stream.switching",
            "When the task changes",
            "",
            Variant.of("none", "one task for the whole run").builds(v -> new NoSwitchSpec()),
            Variant.of("hazard", "switch before each step with probability ρ (geometric durations)", HAZARD)
                    .builds(v -> new HazardSwitchSpec(v.real("hazard"))),
            Variant.of("periodic", "a switch at steps T, 2T, …", PERIOD)
                    .builds(v -> new PeriodicSwitchSpec(v.integer("period"))),
            Variant.of(
                            "markov",
                            "K recurring tasks; stay with 1 − ρ, else move uniformly to another",
                            TASKS,
                            HAZARD.withDoc("ρ: probability of leaving the current task before each step"))
                    .builds(v -> new MarkovSwitchSpec((int) v.integer("tasks"), v.real("hazard"))),
            Variant.of("drift", "no switches: w ← w + rate·(μ0 − w) + sigma·ε after each step", DRIFT_RATE, DRIFT_SIGMA)
                    .builds(v -> new DriftSwitchSpec(v.real("rate"), v.real("sigma"))));

    // ---- stream -------------------------------------------------------------------------------------------

    static final Block PRIOR = Block.untyped(
            "stream.prior",
            "Prior of the optima and initial weights",
            "optima and initial weights ~ N(mean·1, std²·I)",
            real("mean", 0.0, Range.FINITE, "μ0, each coordinate's mean"),
            real("std", 1.0, Range.POSITIVE, "each coordinate's standard deviation"));
    static final Block EIGENVALUE_RANGE = Block.untyped(
            "stream.eigenvalues",
            "Log-spaced spectrum of H",
            "d eigenvalues log-spaced from min to max (or write a list of d values instead of this block)",
            real("min", 1.0, Range.POSITIVE, "smallest eigenvalue"),
            real("max", 1.0, Range.POSITIVE, "largest eigenvalue (≥ min)"));

    static final Key DIM = requiredInteger("dim", 1, 512, "number of weights d");
    static final Key PRIOR_KEY = block("prior", PRIOR, "optima and initial weights ~ N(mean·1, std²·I)");
    static final Key INIT = reals("init", Range.FINITE, "drawn from the prior", "pinned initial weights (d numbers)");
    static final Key OPTIMA = matrix(
            "optima",
            "drawn",
            "pinned optima of the first tasks in order (markov: of the"
                    + " recurring tasks, at most `tasks`); later ones are drawn");
    static final Key SWITCHING_KEY = block("switching", SWITCHING, "none", "when the task changes");
    static final Key EIGENVALUES = block(
            "eigenvalues", EIGENVALUE_RANGE, "H's spectrum: `{ min, max }` log-spaced, or a list of d values > 0");
    /** The list form of {@code eigenvalues} (its documented form is {@link #EIGENVALUES}). */
    private static final Key EIGENVALUE_LIST = reals("eigenvalues", Range.POSITIVE, "", "");

    static final Key ROTATED = bool("rotated", false, "rotate H by a seeded random orthogonal matrix (dense H)");
    static final Key GRADIENT_NOISE =
            real("gradient-noise", 0.1, Range.NON_NEGATIVE, "σ_g, std of the observed gradient's noise");
    static final Key BATCH = integer("batch", 1, 1, INT_MAX, "samples per step");
    static final Key TARGET_NOISE = real("target-noise", 0.1, Range.NON_NEGATIVE, "σ_y");

    static final Key BITS = integer("bits", 20, 1, INT_MAX, "m input bits (plus a bias input)");
    static final Key FLIPPING_BITS = integer(
            "flipping-bits",
            15,
            1,
            INT_MAX,
            "f bits constant within a task, redrawn at each switch (≤ bits); the other m − f are random each step");
    static final Key FLIP_ONE = bool("flip-one", false, "flip one of the f bits at a switch instead of redrawing them");
    static final Key TARGET_UNITS = integer(
            "target-units", 100, 1, INT_MAX, "linear-threshold units of the fixed random target network (weights ±1)");
    static final Key BETA = real("beta", 0.7, Range.CLOSED_UNIT, "β of the thresholds (m + 1)β − S_k");
    static final Key HIDDEN = integer(
            "hidden", 5, 1, INT_MAX, "hidden units of the learner's MLP (dim = hidden·(bits + 1) + hidden + 1)");
    static final Key ACTIVATION =
            choice("activation", "relu", List.of("relu", "tanh", "sigmoid", "leaky-relu"), "the hidden units' σ");
    static final Key ACTIVATION_WINDOW = integer(
                    "activation-window",
                    1000,
                    1,
                    INT_MAX,
                    "N: the plasticity metrics (effective rank, dead units) use the last N examples")
            .unit("steps");
    static final Key MLP_INIT = reals(
            "init",
            Range.FINITE,
            "Kaiming-uniform",
            "pinned initial weights (dim numbers; also what `fresh-draw` samples; `prior-mean` is θ = 0)");
    static final Key MLP_SWITCHING = requiredBlock(
            "switching",
            SWITCHING,
            "none, hazard or periodic; each switch is a flip event (the paper: `{ type = periodic, period = 10000 }`)");

    static final Block STREAM = Block.typed(
            "stream",
            "The task stream (DESIGN §4)",
            "",
            Variant.of(
                    "quadratic",
                    "L(θ) = ½(θ−w*)ᵀH(θ−w*), g = H(θ−w*) + σ_g ε",
                    DIM,
                    PRIOR_KEY,
                    INIT,
                    OPTIMA,
                    SWITCHING_KEY,
                    EIGENVALUES,
                    ROTATED,
                    GRADIENT_NOISE),
            Variant.of(
                    "linear-regression",
                    "x ~ N(0, I), y = w*·x + σ_y ε",
                    DIM,
                    PRIOR_KEY,
                    INIT,
                    OPTIMA,
                    SWITCHING_KEY,
                    BATCH,
                    TARGET_NOISE),
            Variant.of(
                    "slowly-changing-regression",
                    "Dohare et al. (2024): an MLP learner on a slowly changing"
                            + " target network; `dim`, `prior` and `optima` do not apply",
                    BITS,
                    FLIPPING_BITS,
                    FLIP_ONE,
                    TARGET_UNITS,
                    BETA,
                    HIDDEN,
                    ACTIVATION,
                    ACTIVATION_WINDOW,
                    MLP_INIT,
                    MLP_SWITCHING));

    private StreamConfig() {}

    /** The stream spec, or null when {@code n} has problems (recorded). */
    static StreamSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(STREAM);
        if (type == null) return null; // every other key would look unknown: report the type alone
        if (type.equals("slowly-changing-regression")) return slowlyChangingRegression(n, mark);
        int dim = (int) n.integer(DIM);

        ConfigNode priorNode = n.object(PRIOR_KEY);
        double priorMean = Double.NaN;
        double priorStd = Double.NaN;
        if (priorNode != null) {
            priorMean = priorNode.real(PRIOR.key("mean"));
            priorStd = priorNode.real(PRIOR.key("std"));
            priorNode.finish();
            n.adopt(PRIOR_KEY.name(), priorNode);
        }
        List<Double> init = n.reals(INIT);
        List<List<Double>> optima = n.matrix(OPTIMA);

        ConfigNode switchNode = n.child(SWITCHING_KEY);
        SwitchSpec switching = switchNode == null ? null : readSwitching(switchNode);
        if (switchNode != null) n.adopt(SWITCHING_KEY.name(), switchNode);

        double mean = priorMean;
        double std = priorStd;
        if (type.equals("quadratic")) {
            List<Double> eigenvalueList = null;
            double min = Double.NaN;
            double max = Double.NaN;
            ConfigValueType given = n.typeOf(EIGENVALUES.name());
            if (given == ConfigValueType.LIST) {
                eigenvalueList = n.reals(EIGENVALUE_LIST);
            } else if (given != null && given != ConfigValueType.OBJECT) {
                n.wrongType(
                        n.key(EIGENVALUES.name()),
                        n.originObject().get(EIGENVALUES.name()),
                        "a list of numbers or { min, max }");
            } else {
                ConfigNode e = n.object(EIGENVALUES);
                if (e != null) {
                    min = e.real(EIGENVALUE_RANGE.key("min"));
                    max = e.real(EIGENVALUE_RANGE.key("max"));
                    e.finish();
                    n.adopt(EIGENVALUES.name(), e);
                }
            }
            boolean rotated = n.bool(ROTATED);
            double noise = n.real(GRADIENT_NOISE);
            n.finish();
            List<Double> values = eigenvalueList;
            double lo = min;
            double hi = max;
            return n.build(
                    mark,
                    () -> new QuadraticStreamSpec(
                            dim,
                            values != null ? SpectrumSpec.of(values) : SpectrumSpec.logSpaced(lo, hi),
                            rotated,
                            noise,
                            new PriorSpec(mean, std),
                            init,
                            optima,
                            switching));
        }
        int batch = (int) n.integer(BATCH);
        double targetNoise = n.real(TARGET_NOISE);
        n.finish();
        return n.build(
                mark,
                () -> new LinearRegressionStreamSpec(
                        dim, batch, targetNoise, new PriorSpec(mean, std), init, optima, switching));
    }

    /** Dohare et al.'s setting by default; switching is required; dim, prior and optima do not apply. */
    private static StreamSpec slowlyChangingRegression(ConfigNode n, int mark) {
        int bits = (int) n.integer(BITS);
        int flipping = (int) n.integer(FLIPPING_BITS);
        boolean flipOne = n.bool(FLIP_ONE);
        int targetUnits = (int) n.integer(TARGET_UNITS);
        double beta = n.real(BETA);
        int hidden = (int) n.integer(HIDDEN);
        String activation = n.choice(ACTIVATION);
        int window = (int) n.integer(ACTIVATION_WINDOW);
        List<Double> init = n.reals(MLP_INIT);
        n.notApplicable(DIM.name(), "the MLP's dim follows from bits and hidden");
        n.notApplicable(PRIOR_KEY.name(), "the initial weights are Kaiming-uniform");
        n.notApplicable(OPTIMA.name(), "the target network is not a weight vector");
        ConfigNode switchNode = n.child(MLP_SWITCHING);
        SwitchSpec switching = switchNode == null ? null : readSwitching(switchNode);
        if (switchNode != null) n.adopt(MLP_SWITCHING.name(), switchNode);
        n.finish();
        return n.build(
                mark,
                () -> new SlowlyChangingRegressionStreamSpec(
                        bits,
                        flipping,
                        flipOne,
                        targetUnits,
                        beta,
                        hidden,
                        Activation.ofConfigName(activation),
                        window,
                        init,
                        switching));
    }

    private static SwitchSpec readSwitching(ConfigNode s) {
        int mark = s.problems().count();
        String type = s.type(SWITCHING);
        return type == null ? null : s.buildVariant(mark, SWITCHING.variant(type), SwitchSpec.class);
    }
}
