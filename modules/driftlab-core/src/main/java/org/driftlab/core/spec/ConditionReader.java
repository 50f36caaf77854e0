package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.block;
import static org.driftlab.core.spec.Key.integer;
import static org.driftlab.core.spec.Key.real;
import static org.driftlab.core.spec.Key.requiredBlock;
import static org.driftlab.core.spec.Key.requiredInteger;

import com.typesafe.config.ConfigObject;
import java.util.List;
import java.util.Map;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.spec.CompatibilityRule.Blocks;
import org.driftlab.core.spec.ConfigProblem.Kind;
import org.driftlab.core.stream.StreamSpec;

/**
 * The top level and the {@code metrics} block: their declaration, and the reader of one resolved condition (a whole
 * experiment config with every swept value substituted) into specs. It checks the {@link CompatibilityRules} once and
 * renders the condition's canonical form (defaults filled in, keys sorted): the text its condition id is hashed from.
 * {@code name}, {@code seeds}, {@code sweep} and {@code label} are read once per sweep by {@link SweepLoader} and are
 * not part of a condition.
 */
final class ConditionReader {
    private static final MetricsSpec METRIC_DEFAULTS = MetricsSpec.defaults();

    static final Block OBJECTIVE = Block.untyped(
            "metrics.objective",
            "Weights of the discounted objective J",
            "",
            real("gamma", METRIC_DEFAULTS.gamma(), Range.NON_NEGATIVE, "γ, the discount rate")
                    .unit("1/time"),
            real("eta", METRIC_DEFAULTS.eta(), Range.POSITIVE, "η, the weight of the movement cost"),
            real("k", METRIC_DEFAULTS.k(), Range.POSITIVE, "k, the weight of the loss"));
    static final Block METRICS = Block.untyped(
            "metrics",
            "What each run measures (DESIGN §8)",
            "",
            integer("bins", METRIC_DEFAULTS.curveBins(), 1, 100_000, "bins of the loss curve"),
            integer("aligned-lags", METRIC_DEFAULTS.alignedLags(), 0, 100_000, "switch-aligned mean loss at lags 0…L")
                    .unit("steps"),
            integer(
                            "detection-window",
                            METRIC_DEFAULTS.detectionWindow(),
                            1,
                            Integer.MAX_VALUE,
                            "D: a reset within D steps of a true switch detects it")
                    .unit("steps"),
            block(
                    "objective",
                    OBJECTIVE,
                    "weights of the discounted objective J and of J_total (J plus each"
                            + " reset's jump Δθ at the control cost of one step, e^{−γt}|Δθ|²/(2η·dt); store column objective_total)"));

    static final Key STEPS = requiredInteger("steps", 1, 1_000_000_000_000L, "learner updates per run")
            .unit("steps");
    static final Key DT = real("dt", 1.0, Range.POSITIVE, "simulated time per step (continuous-time rules use it)")
            .unit("time");
    static final Key MASTER_SEED =
            integer("master-seed", 0, Long.MIN_VALUE, Long.MAX_VALUE, "root of every random stream (DESIGN §3)");
    static final Key STREAM = requiredBlock("stream", StreamConfig.STREAM, "the task stream");
    static final Key RULE = requiredBlock("rule", RuleConfig.RULE, "the learning rule");
    static final Key BELIEF = block("belief", BeliefConfig.BELIEF, "none", "the task-belief model");
    static final Key RESET = block("reset", ResetConfig.RESET, "none", "the reset policy");
    static final Key METRICS_KEY = block("metrics", METRICS, "what each run measures");

    /** Top-level keys a sweep may vary (seeds have their own list; name and master-seed are per sweep). */
    static final List<String> SWEEPABLE = List.of("steps", "dt", "stream", "rule", "belief", "reset", "metrics");

    /** A validated condition and its canonical rendering. */
    record Condition(
            long steps,
            double dt,
            long masterSeed,
            StreamSpec stream,
            RuleSpec rule,
            BeliefSpec belief,
            ResetSpec reset,
            MetricsSpec metrics,
            String canonical) {}

    private ConditionReader() {}

    /** The condition, or null when it has problems (recorded in {@code problems}). */
    static Condition read(Problems problems, ConfigObject root) {
        int mark = problems.count();
        ConfigNode n = new ConfigNode(problems, "", root);
        n.has(SweepLoader.NAME.name());
        n.has(SweepLoader.SEEDS.name());
        n.has(SweepLoader.SWEEP.name());
        n.has(ConditionLabels.TEMPLATE.name());
        long steps = n.integer(STEPS);
        double dt = n.real(DT);
        long masterSeed = n.integer(MASTER_SEED);

        ConfigNode s = n.child(STREAM);
        StreamSpec stream = s == null ? null : StreamConfig.read(s);
        if (s != null) n.adopt(STREAM.name(), s);
        ConfigNode r = n.child(RULE);
        RuleSpec rule = r == null ? null : RuleConfig.read(r, stream);
        if (r != null) n.adopt(RULE.name(), r);
        ConfigNode b = n.child(BELIEF);
        BeliefSpec belief = b == null ? null : BeliefConfig.read(b, stream);
        if (b != null) n.adopt(BELIEF.name(), b);
        ConfigNode z = n.child(RESET);
        ResetSpec reset = z == null ? null : ResetConfig.read(z);
        if (z != null) n.adopt(RESET.name(), z);
        ConfigNode m = n.object(METRICS_KEY);
        MetricsSpec metrics = m == null ? null : metrics(m);
        if (m != null) n.adopt(METRICS_KEY.name(), m);
        n.finish();
        if (problems.count() > mark) return null;

        Blocks blocks = new Blocks(stream, rule, belief, reset, n.resolved());
        Map<String, ConfigNode> nodes = Map.of("stream", s, "rule", r, "belief", b, "reset", z);
        for (CompatibilityRule c : CompatibilityRules.ALL) {
            if (!c.broken().test(blocks)) continue;
            int dot = c.key().indexOf('.');
            ConfigNode at = nodes.get(c.key().substring(0, dot));
            problems.add(
                    at.originOf(c.key().substring(dot + 1)),
                    c.key(),
                    Kind.INCONSISTENT,
                    c.message().apply(blocks));
        }
        rule = RuleBeliefs.attach(problems, rule, belief, r);
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
        return new Condition(
                steps, dt, masterSeed, stream, rule, belief, reset, metrics, CanonicalJson.render(n.resolved()));
    }

    private static MetricsSpec metrics(ConfigNode m) {
        int mark = m.problems().count();
        int bins = (int) m.integer(METRICS.key("bins"));
        int lags = (int) m.integer(METRICS.key("aligned-lags"));
        int window = (int) m.integer(METRICS.key("detection-window"));
        Key objectiveKey = METRICS.key("objective");
        ConfigNode o = m.object(objectiveKey);
        double gamma = Double.NaN;
        double eta = Double.NaN;
        double k = Double.NaN;
        if (o != null) {
            gamma = o.real(OBJECTIVE.key("gamma"));
            eta = o.real(OBJECTIVE.key("eta"));
            k = o.real(OBJECTIVE.key("k"));
            o.finish();
            m.adopt(objectiveKey.name(), o);
        }
        m.finish();
        double g = gamma;
        double e = eta;
        double kk = k;
        return m.build(mark, () -> new MetricsSpec(bins, lags, window, g, e, kk));
    }
}
