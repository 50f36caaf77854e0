package org.driftlab.core.spec;

import com.typesafe.config.ConfigObject;
import java.util.List;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.spec.ConfigProblem.Kind;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.StreamSpec;

/**
 * Reads one resolved condition (a whole experiment config with every swept value substituted) into specs,
 * checks that its blocks fit together, and renders its canonical form (defaults filled in, keys sorted):
 * the text its condition id is hashed from. {@code name}, {@code seeds}, {@code sweep} and {@code label} are read once per
 * sweep by {@link SweepLoader} and are not part of a condition.
 */
final class ConditionReader {
    /** Top-level keys, in documentation order. */
    static final List<String> TOP_KEYS = List.of("name", "steps", "dt", "seeds", "master-seed", "stream", "rule",
            "belief", "reset", "metrics", "sweep", "label");
    /** Top-level keys a sweep may vary (seeds have their own list; name and master-seed are per sweep). */
    static final List<String> SWEEPABLE = List.of("steps", "dt", "stream", "rule", "belief", "reset", "metrics");

    /** A validated condition and its canonical rendering. */
    record Condition(long steps, double dt, long masterSeed, StreamSpec stream, RuleSpec rule, BeliefSpec belief,
                     ResetSpec reset, MetricsSpec metrics, String canonical) {}

    private ConditionReader() {}

    /** The condition, or null when it has problems (recorded in {@code problems}). */
    static Condition read(Problems problems, ConfigObject root) {
        int mark = problems.count();
        ConfigNode n = new ConfigNode(problems, "", root);
        n.has("name");
        n.has("seeds");
        n.has("sweep");
        n.has(ConditionLabels.KEY);
        long steps = n.requiredInteger("steps", 1, SizeLimits.MAX_STEPS);
        double dt = n.number("dt", 1.0, Range.POSITIVE);
        long masterSeed = n.integer("master-seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);

        ConfigNode s = n.child("stream", null);
        StreamSpec stream = s == null ? null : StreamConfig.read(s);
        if (s != null) n.adopt("stream", s);
        ConfigNode r = n.child("rule", null);
        RuleSpec rule = r == null ? null : RuleConfig.read(r);
        if (r != null) n.adopt("rule", r);
        ConfigNode b = n.child("belief", "none");
        BeliefSpec belief = b == null ? null : BeliefConfig.read(b);
        if (b != null) n.adopt("belief", b);
        ConfigNode z = n.child("reset", "none");
        ResetSpec reset = z == null ? null : ResetConfig.read(z);
        if (z != null) n.adopt("reset", z);
        ConfigNode m = n.object("metrics");
        MetricsSpec metrics = m == null ? null : metrics(m);
        if (m != null) n.adopt("metrics", m);
        n.finish();
        if (problems.count() > mark) return null;

        crossCheck(problems, stream, rule, belief, reset, r, b, z);
        if (problems.count() > mark) return null;
        if (rule instanceof NaturalGradientSpec || rule instanceof OptimalControlSpec) {
            // these rules check their metric against dim (symmetry, positive-definiteness) when built: a few d×d
            // arrays, built once here so that a bad metric is reported before anything runs
            try {
                rule.newRule(stream.dim(), dt);
            } catch (IllegalArgumentException e) {
                r.rejected(e);
                return null;
            }
        }
        return new Condition(steps, dt, masterSeed, stream, rule, belief, reset, metrics, CanonicalJson.render(n.resolved()));
    }

    private static MetricsSpec metrics(ConfigNode m) {
        int mark = m.problems().count();
        MetricsSpec d = MetricsSpec.defaults();
        int bins = (int) m.integer("bins", d.curveBins(), 1, SizeLimits.MAX_BINS);
        int lags = (int) m.integer("aligned-lags", d.alignedLags(), 0, SizeLimits.MAX_ALIGNED_LAGS);
        int window = (int) m.integer("detection-window", d.detectionWindow(), 1, Integer.MAX_VALUE);
        ConfigNode o = m.object("objective");
        double gamma = Double.NaN;
        double eta = Double.NaN;
        double k = Double.NaN;
        if (o != null) {
            gamma = o.number("gamma", d.gamma(), Range.NON_NEGATIVE);
            eta = o.number("eta", d.eta(), Range.POSITIVE);
            k = o.number("k", d.k(), Range.POSITIVE);
            o.finish();
            m.adopt("objective", o);
        }
        m.finish();
        double g = gamma;
        double e = eta;
        double kk = k;
        return m.build(mark, () -> new MetricsSpec(bins, lags, window, g, e, kk));
    }

    /** Checks that the blocks fit together (each was valid on its own). */
    private static void crossCheck(Problems p, StreamSpec stream, RuleSpec rule, BeliefSpec belief, ResetSpec reset,
                                   ConfigNode ruleNode, ConfigNode beliefNode, ConfigNode resetNode) {
        boolean quadratic = stream instanceof QuadraticStreamSpec;
        double gradientNoise = quadratic ? ((QuadraticStreamSpec) stream).gradientNoise() : Double.NaN;

        if (reset.needsBelief() && belief instanceof NoBeliefSpec) {
            p.add(resetNode.originOf("type"), "reset.type", Kind.INCONSISTENT,
                    "a " + resetNode.resolved().get("type") + " reset needs a task belief: set belief { type = bocpd, hazard = ... }");
        }
        if (reset instanceof RecallSpec && !(belief instanceof HmmSpec)) {
            p.add(resetNode.originOf("type"), "reset.type", Kind.INCONSISTENT, "recall needs belief type hmm");
        }
        if (belief instanceof HmmSpec) {
            if (!quadratic || !(stream.switching() instanceof MarkovSwitchSpec)) {
                p.add(beliefNode.originOf("type"), "belief.type", Kind.INCONSISTENT,
                        "belief type hmm needs a quadratic stream with switching type markov");
            } else if (!(gradientNoise > 0)) {
                p.add(beliefNode.originOf("type"), "belief.type", Kind.INCONSISTENT,
                        "belief type hmm needs stream.gradient-noise > 0");
            }
        }
        if (belief instanceof BocpdSpec bocpd) {
            if (bocpd.model() instanceof GaussianModelSpec gaussian) {
                if (!quadratic) {
                    p.add(beliefNode.originOf("model"), "belief.model", Kind.INCONSISTENT,
                            "the gaussian model observes quadratic tasks; for a linear-regression stream use model linear-regression or normal-gamma");
                } else if (gaussian.noiseVar() == null && !(gradientNoise > 0)) {
                    p.add(beliefNode.originOf("model"), "belief.model", Kind.INCONSISTENT,
                            "the gaussian model takes its noise from stream.gradient-noise, which is 0: set model.noise-var or a gradient-noise > 0");
                }
            }
            if (bocpd.model() instanceof LinearRegressionModelSpec && !(stream instanceof LinearRegressionStreamSpec)) {
                p.add(beliefNode.originOf("model"), "belief.model", Kind.INCONSISTENT,
                        "the linear-regression model observes (x, y) samples and needs a linear-regression stream");
            }
        }
        if (rule instanceof IdealObserverSpec && !(quadratic && gradientNoise > 0)) {
            p.add(ruleNode.originOf("type"), "rule.type", Kind.INCONSISTENT,
                    "ideal-observer needs a quadratic stream with gradient-noise > 0");
        }
        boolean mlp = stream instanceof SlowlyChangingRegressionStreamSpec;
        if (reset instanceof ContinualBackpropSpec && !mlp) {
            p.add(resetNode.originOf("type"), "reset.type", Kind.INCONSISTENT,
                    "continual-backprop replaces hidden units of an MLP learner: it needs a slowly-changing-regression stream");
        }
        if (mlp && (rule instanceof NaturalGradientSpec ng && ng.metric().kind() == MetricSpec.Kind.HESSIAN
                || rule instanceof OptimalControlSpec oc && oc.source() != BeliefSource.FILTERED)) {
            p.add(ruleNode.originOf("type"), "rule.type", Kind.INCONSISTENT,
                    "a slowly-changing-regression stream has no Hessian or true gradient: use a hessian-free metric or the filtered source");
        }
        MetricSpec metric = rule instanceof NaturalGradientSpec ng ? ng.metric()
                : rule instanceof OptimalControlSpec oc ? oc.metric() : null;
        if (metric != null && metric.values() != null) {
            int dim = stream.dim();
            int expected = metric.kind() == MetricSpec.Kind.DENSE ? dim * dim : dim;
            if (metric.values().size() != expected) {
                p.add(ruleNode.originOf("metric.values"), "rule.metric.values", Kind.INCONSISTENT,
                        "a " + (metric.kind() == MetricSpec.Kind.DENSE ? "dense" : "diagonal") + " metric for dim " + dim
                                + " needs " + expected + " values, got " + metric.values().size());
            }
        }
    }
}
