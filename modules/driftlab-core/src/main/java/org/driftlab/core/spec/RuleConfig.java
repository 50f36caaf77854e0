package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.block;
import static org.driftlab.core.spec.Key.choice;
import static org.driftlab.core.spec.Key.optionalBlock;
import static org.driftlab.core.spec.Key.real;
import static org.driftlab.core.spec.Key.requiredReal;
import static org.driftlab.core.spec.Key.requiredReals;

import java.util.List;
import java.util.Locale;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.BallisticSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.KalmanFilterSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.MomentumSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RmsPropSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.rule.SwitchAwareObserverSpec;
import org.driftlab.core.stream.StreamSpec;

/**
 * The {@code rule} block and its {@code metric} and {@code filter} sub-blocks (DESIGN §5): their declaration and
 * their reader. Defaults follow PyTorch where PyTorch defines the optimizer (SGD, RMSprop, Adam, AdamW).
 */
final class RuleConfig {
    private static final String PYTORCH = "PyTorch";

    // ---- rule.metric and rule.filter ----------------------------------------------------------------------

    static final Key METRIC_VALUES = requiredReals(
            "values",
            Range.FINITE,
            "diagonal: d entries > 0; dense: d×d entries, row-major, symmetric positive-definite");
    static final Block METRIC = Block.typed(
            "rule.metric",
            "The metric of a natural-gradient or optimal-control rule",
            "",
            Variant.of("identity", "I"),
            Variant.of("diagonal", "diag(values)", METRIC_VALUES),
            Variant.of("dense", "the d×d matrix of values", METRIC_VALUES),
            Variant.of("hessian", "the task's Hessian H (oracle knowledge)"),
            Variant.of(
                    "gradient-outer",
                    "a running average of g gᵀ",
                    real("beta", 0.99, Range.OPEN_UNIT, "decay of the running average")));

    static final Block FILTER = Block.untyped(
            "rule.filter",
            "The Kalman filter of the filtered belief source",
            "the true gradient per coordinate as an Ornstein–Uhlenbeck process, observed with noise",
            requiredReal(
                    "rate", Range.OPEN_UNIT, "relaxation per step of the true gradient's Ornstein–Uhlenbeck model"),
            requiredReal("process-var", Range.POSITIVE, "stationary variance of that process"),
            requiredReal("noise-var", Range.POSITIVE, "variance of each observation's noise"),
            real(
                    "beta2",
                    0.999,
                    Range.UNIT_FROM_ZERO,
                    "factor of V, an exponential average of g² (as Adam's second moment)"),
            real("eps", 1e-8, Range.POSITIVE, "floor of V"));

    // ---- rule ---------------------------------------------------------------------------------------------

    static final Key LR = real("lr", 1e-3, Range.POSITIVE, "step size").note(PYTORCH);
    static final Key BETA2 = real("beta2", 0.999, Range.UNIT_FROM_ZERO, "decay of the second moment")
            .note(PYTORCH);
    static final Key EPS = real("eps", 1e-8, Range.POSITIVE, "added to the second moment's square root")
            .note(PYTORCH);
    static final Key MOMENTUM = real(
            "momentum",
            0.9,
            Range.UNIT_FROM_ZERO,
            "μ (PyTorch semantics, dampening 0; PyTorch's default 0 would be sgd)");
    static final Key BETA1 = real("beta1", 0.9, Range.UNIT_FROM_ZERO, "decay of the first moment")
            .note(PYTORCH);
    static final Key ADAM_DECAY = real("weight-decay", 0.0, Range.NON_NEGATIVE, "λ, coupled: the rule sees g + λθ")
            .note(PYTORCH);
    static final Key ADAMW_DECAY = real("weight-decay", 1e-2, Range.NON_NEGATIVE, "λ, decoupled: θ ← θ − lr·λ·θ")
            .note(PYTORCH);
    static final Key SOURCE = choice(
            "source",
            "observed",
            List.of("oracle", "observed", "filtered", "belief"),
            "the belief (m, V) the control acts on; belief: m = H(θ − E[w* | z₁:t]) from the run's BOCPD mixture"
                    + " posterior, V = H (needs belief { type = bocpd, model = gaussian })");
    static final Key FILTER_KEY = optionalBlock(
            "filter",
            FILTER,
            "required when source = filtered, else not allowed",
            "the Kalman filter of the filtered source");

    static final Block RULE = Block.typed(
            "rule",
            "The learning rule (DESIGN §5)",
            "",
            Variant.of("sgd", "θ ← θ − lr·g", LR).builds(v -> new SgdSpec(v.real("lr"))),
            Variant.of("momentum", "heavy-ball momentum", LR, MOMENTUM)
                    .builds(v -> new MomentumSpec(v.real("lr"), v.real("momentum"), false)),
            Variant.of("nesterov", "Nesterov momentum", LR, MOMENTUM)
                    .builds(v -> new MomentumSpec(v.real("lr"), v.real("momentum"), true)),
            Variant.of(
                            "rmsprop",
                            "θ ← θ − lr·g/(√v + ε)",
                            LR.withDefault(1e-2),
                            real("alpha", 0.99, Range.OPEN_UNIT, "decay of the squared-gradient average")
                                    .note(PYTORCH),
                            EPS)
                    .builds(v -> new RmsPropSpec(v.real("lr"), v.real("alpha"), v.real("eps"))),
            Variant.of("adam", "Adam", LR, BETA1, BETA2, EPS, ADAM_DECAY).builds(v -> adam(v, false)),
            Variant.of("adamw", "Adam with decoupled weight decay", LR, BETA1, BETA2, EPS, ADAMW_DECAY)
                    .builds(v -> adam(v, true)),
            Variant.of(
                            "ballistic",
                            "θ ← θ − lr·g/√(v + ε), v₀ = 0, no bias correction",
                            LR.note(""),
                            BETA2.note(""),
                            EPS.note(""))
                    .builds(v -> new BallisticSpec(v.real("lr"), v.real("beta2"), v.real("eps"))),
            Variant.of(
                    "natural-gradient",
                    "θ ← θ − lr·(F + δI)⁻¹g",
                    Key.requiredReal("lr", Range.POSITIVE, "step size"),
                    block("metric", METRIC, "hessian", "F (not identity)"),
                    real("damping", 1e-4, Range.NON_NEGATIVE, "δ")),
            Variant.of(
                    "optimal-control",
                    "the optimal control of the weights under a discounted objective",
                    requiredReal("gamma", Range.NON_NEGATIVE, "discount γ (horizon ≈ 1/γ)")
                            .unit("1/time"),
                    real("eta", 1.0, Range.POSITIVE, "mobility η"),
                    real("k", 1.0, Range.POSITIVE, "loss weight k"),
                    block("metric", METRIC, "identity", "G (constant metrics only: identity, diagonal, dense)"),
                    real("decay", 0.0, Range.NON_NEGATIVE, "j in the default dynamics f(θ) = −jθ"),
                    SOURCE,
                    FILTER_KEY),
            Variant.of(
                    "ideal-observer",
                    "weights = the posterior mean of w* under its own BOCPD (needs a quadratic"
                            + " stream with gradient-noise > 0)",
                    BeliefConfig.HAZARD.withDoc("hazard of its own BOCPD"),
                    BeliefConfig.PRUNE,
                    Key.optionalInteger(
                                    "r-max",
                                    1,
                                    BeliefConfig.R_MAX.max(),
                                    StreamDefaults.IDEAL_R_MAX_DEFAULT,
                                    "longest run length kept; the default binds only on runs longer than ten mean task lengths"
                                            + " (prior probability ≤ e^−10)")
                            .unit("steps")),
            Variant.of(
                    "switch-aware-observer",
                    "weights = (1 − hazard)·(conjugate posterior mean of w* on the evidence"
                            + " since the latest true switch) + hazard·μ0: the Bayes prediction given the switch times"
                            + " (needs a quadratic stream with gradient-noise > 0 and switching hazard, periodic or none)",
                    BeliefConfig.HAZARD.withDoc("switch probability of its prediction")));

    private RuleConfig() {}

    /**
     * The rule spec, or null when {@code n} has problems (recorded). The observers' hazard (and the ideal
     * observer's r-max) left out follow the stream ({@link StreamDefaults}); {@code stream} is null when the stream
     * block has problems.
     */
    static RuleSpec read(ConfigNode n, StreamSpec stream) {
        int mark = n.problems().count();
        String type = n.type(RULE);
        if (type == null) return null;
        Variant v = RULE.variant(type);
        if (v.spec() != null) return n.buildVariant(mark, v, RuleSpec.class);
        if (type.equals("natural-gradient")) {
            double lr = n.real(v.key("lr"));
            MetricSpec metric = metric(n, v.key("metric"));
            double damping = n.real(v.key("damping"));
            n.finish();
            return n.build(mark, () -> new NaturalGradientSpec(lr, metric, damping));
        }
        if (type.equals("switch-aware-observer")) {
            double hazard = StreamDefaults.hazard(n, v.key("hazard"), stream);
            n.finish();
            return n.build(mark, () -> new SwitchAwareObserverSpec(hazard));
        }
        if (type.equals("ideal-observer")) {
            double hazard = StreamDefaults.hazard(n, v.key("hazard"), stream);
            double prune = n.real(v.key("prune"));
            int rMax = StreamDefaults.idealObserverMaxRunLength(n, v.key("r-max"), hazard);
            n.finish();
            return n.build(mark, () -> new IdealObserverSpec(hazard, prune, rMax));
        }
        // optimal-control: its filter is read only for the filtered source
        double gamma = n.real(v.key("gamma"));
        double eta = n.real(v.key("eta"));
        double k = n.real(v.key("k"));
        MetricSpec metric = metric(n, v.key("metric"));
        double decay = n.real(v.key("decay"));
        String source = n.choice(SOURCE);
        KalmanFilterSpec filter = null;
        if ("filtered".equals(source)) {
            filter = filter(n);
        } else if (source != null) {
            n.notApplicable(FILTER_KEY.name(), "only used when source = filtered");
        }
        n.finish();
        KalmanFilterSpec f = filter;
        return n.build(
                mark,
                () -> new OptimalControlSpec(
                        gamma, eta, k, metric, decay, BeliefSource.valueOf(source.toUpperCase(Locale.ROOT)), f));
    }

    private static AdamSpec adam(Values v, boolean decoupled) {
        return new AdamSpec(
                v.real("lr"), v.real("beta1"), v.real("beta2"), v.real("eps"), v.real("weight-decay"), decoupled);
    }

    private static MetricSpec metric(ConfigNode n, Key key) {
        ConfigNode m = n.child(key);
        if (m == null) return null;
        int mark = m.problems().count();
        String type = m.type(METRIC);
        if (type == null) return null;
        List<Double> values = null;
        double beta = Double.NaN;
        switch (type) {
            case "diagonal", "dense" -> {
                values = m.reals(METRIC_VALUES);
                m.notApplicable("beta", "only used by a gradient-outer metric");
            }
            case "gradient-outer" -> {
                beta = m.real(METRIC.variant(type).key("beta"));
                m.notApplicable("values", "only used by diagonal and dense metrics");
            }
            default -> {
                m.notApplicable("values", "only used by diagonal and dense metrics");
                m.notApplicable("beta", "only used by a gradient-outer metric");
            }
        }
        m.finish();
        n.adopt(key.name(), m);
        List<Double> v = values;
        double b = beta;
        // MetricSpec's own messages name "metric.values"/"metric.beta": built at the rule node so they land there
        return n.build(
                mark,
                () -> new MetricSpec(
                        MetricSpec.Kind.valueOf(type.replace('-', '_').toUpperCase(Locale.ROOT)), v, b));
    }

    private static KalmanFilterSpec filter(ConfigNode n) {
        if (!n.has(FILTER_KEY.name())) {
            n.missing(FILTER_KEY.name());
            return null;
        }
        ConfigNode f = n.object(FILTER_KEY);
        if (f == null) return null;
        int mark = f.problems().count();
        double rate = f.real(FILTER.key("rate"));
        double processVar = f.real(FILTER.key("process-var"));
        double noiseVar = f.real(FILTER.key("noise-var"));
        double beta2 = f.real(FILTER.key("beta2"));
        double eps = f.real(FILTER.key("eps"));
        f.finish();
        n.adopt(FILTER_KEY.name(), f);
        return n.build(mark, () -> new KalmanFilterSpec(rate, processVar, noiseVar, beta2, eps));
    }
}
