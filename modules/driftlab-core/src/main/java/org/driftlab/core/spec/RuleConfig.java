package org.driftlab.core.spec;

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

/**
 * Reads the {@code rule} block (DESIGN §5) into a {@link RuleSpec}. Defaults follow PyTorch where PyTorch
 * defines the optimizer (SGD, RMSprop, Adam, AdamW); the schema is in docs/CONFIG.md.
 */
final class RuleConfig {
    static final List<String> TYPES = List.of("sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw", "ballistic",
            "natural-gradient", "optimal-control", "ideal-observer");
    static final List<String> METRIC_TYPES = List.of("identity", "diagonal", "dense", "hessian", "gradient-outer");
    static final List<String> SOURCES = List.of("oracle", "observed", "filtered");

    static final double PYTORCH_LR = 1e-3;      // torch.optim.SGD, Adam, AdamW
    static final double PYTORCH_RMSPROP_LR = 1e-2;
    static final double PYTORCH_EPS = 1e-8;
    static final double PYTORCH_ADAMW_DECAY = 1e-2;

    private RuleConfig() {}

    /** The rule spec, or null when {@code n} has problems (recorded). */
    static RuleSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(TYPES);
        if (type == null) return null;
        switch (type) {
            case "sgd" -> {
                double lr = n.number("lr", PYTORCH_LR, Range.POSITIVE);
                n.finish();
                return n.build(mark, () -> new SgdSpec(lr));
            }
            case "momentum", "nesterov" -> {
                double lr = n.number("lr", PYTORCH_LR, Range.POSITIVE);
                double momentum = n.number("momentum", 0.9, Range.UNIT_FROM_ZERO);
                n.finish();
                boolean nesterov = type.equals("nesterov");
                return n.build(mark, () -> new MomentumSpec(lr, momentum, nesterov));
            }
            case "rmsprop" -> {
                double lr = n.number("lr", PYTORCH_RMSPROP_LR, Range.POSITIVE);
                double alpha = n.number("alpha", 0.99, Range.OPEN_UNIT);
                double eps = n.number("eps", PYTORCH_EPS, Range.POSITIVE);
                n.finish();
                return n.build(mark, () -> new RmsPropSpec(lr, alpha, eps));
            }
            case "adam", "adamw" -> {
                boolean decoupled = type.equals("adamw");
                double lr = n.number("lr", PYTORCH_LR, Range.POSITIVE);
                double beta1 = n.number("beta1", 0.9, Range.UNIT_FROM_ZERO);
                double beta2 = n.number("beta2", 0.999, Range.UNIT_FROM_ZERO);
                double eps = n.number("eps", PYTORCH_EPS, Range.POSITIVE);
                double decay = n.number("weight-decay", decoupled ? PYTORCH_ADAMW_DECAY : 0.0, Range.NON_NEGATIVE);
                n.finish();
                return n.build(mark, () -> new AdamSpec(lr, beta1, beta2, eps, decay, decoupled));
            }
            case "ballistic" -> {
                double lr = n.number("lr", PYTORCH_LR, Range.POSITIVE);
                double beta2 = n.number("beta2", 0.999, Range.UNIT_FROM_ZERO);
                double eps = n.number("eps", PYTORCH_EPS, Range.POSITIVE);
                n.finish();
                return n.build(mark, () -> new BallisticSpec(lr, beta2, eps));
            }
            case "natural-gradient" -> {
                double lr = n.requiredNumber("lr", Range.POSITIVE);
                MetricSpec metric = metric(n, "hessian");
                double damping = n.number("damping", 1e-4, Range.NON_NEGATIVE);
                n.finish();
                return n.build(mark, () -> new NaturalGradientSpec(lr, metric, damping));
            }
            case "optimal-control" -> {
                double gamma = n.requiredNumber("gamma", Range.NON_NEGATIVE);
                double eta = n.number("eta", 1.0, Range.POSITIVE);
                double k = n.number("k", 1.0, Range.POSITIVE);
                MetricSpec metric = metric(n, "identity");
                double decay = n.number("decay", 0.0, Range.NON_NEGATIVE);
                String source = n.choice("source", "observed", SOURCES);
                KalmanFilterSpec filter = null;
                if ("filtered".equals(source)) {
                    filter = filter(n);
                } else if (source != null) {
                    n.notApplicable("filter", "only used when source = filtered");
                }
                n.finish();
                KalmanFilterSpec f = filter;
                return n.build(mark, () -> new OptimalControlSpec(gamma, eta, k, metric, decay,
                        BeliefSource.valueOf(source.toUpperCase(Locale.ROOT)), f));
            }
            default -> { // ideal-observer
                double hazard = n.requiredNumber("hazard", Range.OPEN_UNIT);
                double prune = n.number("prune", BeliefConfig.DEFAULT_PRUNE, Range.UNIT_FROM_ZERO);
                int rMax = (int) n.integer("r-max", BeliefConfig.DEFAULT_R_MAX, 1, SizeLimits.MAX_R_MAX);
                n.finish();
                return n.build(mark, () -> new IdealObserverSpec(hazard, prune, rMax));
            }
        }
    }

    private static MetricSpec metric(ConfigNode n, String dfltType) {
        ConfigNode m = n.child("metric", dfltType);
        if (m == null) return null;
        int mark = m.problems().count();
        String type = m.type(METRIC_TYPES);
        if (type == null) return null;
        List<Double> values = null;
        double beta = Double.NaN;
        switch (type) {
            case "diagonal", "dense" -> {
                values = m.numbers("values", Range.FINITE);
                if (values == null && !m.has("values")) m.missing("values");
                m.notApplicable("beta", "only used by a gradient-outer metric");
            }
            case "gradient-outer" -> {
                beta = m.number("beta", 0.99, Range.OPEN_UNIT);
                m.notApplicable("values", "only used by diagonal and dense metrics");
            }
            default -> {
                m.notApplicable("values", "only used by diagonal and dense metrics");
                m.notApplicable("beta", "only used by a gradient-outer metric");
            }
        }
        m.finish();
        n.adopt("metric", m);
        List<Double> v = values;
        double b = beta;
        // MetricSpec's own messages name "metric.values"/"metric.beta": built at the rule node so they land there
        return n.build(mark, () -> new MetricSpec(MetricSpec.Kind.valueOf(type.replace('-', '_').toUpperCase(Locale.ROOT)), v, b));
    }

    private static KalmanFilterSpec filter(ConfigNode n) {
        if (!n.has("filter")) {
            n.missing("filter");
            return null;
        }
        ConfigNode f = n.object("filter");
        if (f == null) return null;
        int mark = f.problems().count();
        double rate = f.requiredNumber("rate", Range.OPEN_UNIT);
        double processVar = f.requiredNumber("process-var", Range.POSITIVE);
        double noiseVar = f.requiredNumber("noise-var", Range.POSITIVE);
        double beta2 = f.number("beta2", 0.999, Range.UNIT_FROM_ZERO);
        double eps = f.number("eps", PYTORCH_EPS, Range.POSITIVE);
        f.finish();
        n.adopt("filter", f);
        return n.build(mark, () -> new KalmanFilterSpec(rate, processVar, noiseVar, beta2, eps));
    }
}
