package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.VarianceChangeModelSpec;
import org.driftlab.core.reset.BeliefMlpSpec;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.SelfNormalizedResetSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.SwitchAwareObserverSpec;
import org.driftlab.core.spec.CompatibilityRule.Blocks;
import org.driftlab.core.stream.DriftSwitchSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;

/**
 * The one list of cross-block compatibility rules (DESIGN §5–7), checked once per condition at load by
 * {@link ConditionReader}. A new combination constraint is one entry here.
 */
public final class CompatibilityRules {
    private CompatibilityRules() {}

    /** Every rule, in documentation order. */
    public static final List<CompatibilityRule> ALL = List.of(
            new CompatibilityRule(
                    "reset.type",
                    "belief-threshold, belief-soft and recall resets need a task belief",
                    b -> b.reset().needsBelief() && b.belief() instanceof NoBeliefSpec,
                    b -> "a " + b.type("reset")
                            + " reset needs a task belief: set belief { type = bocpd, hazard = ... }"),
            new CompatibilityRule(
                    "reset.target",
                    "target posterior-mean needs a belief-threshold or belief-soft reset"
                            + " with a Gaussian bocpd belief",
                    b -> b.reset().target() == ResetTarget.POSTERIOR_MEAN
                            && !(b.reset().needsBelief() && gaussianModel(b) != null),
                    b ->
                            "target posterior-mean is the conjugate posterior of a Gaussian belief: it needs a belief-threshold or"
                                    + " belief-soft reset with belief { type = bocpd, model = gaussian }"),
            new CompatibilityRule(
                    "reset.type",
                    "recall needs belief type hmm",
                    b -> b.reset() instanceof RecallSpec && !(b.belief() instanceof HmmSpec),
                    b -> "recall needs belief type hmm"),
            new CompatibilityRule(
                    "belief.type",
                    "belief type hmm needs a quadratic stream with switching type markov",
                    b -> b.belief() instanceof HmmSpec
                            && !(quadratic(b) && b.stream().switching() instanceof MarkovSwitchSpec),
                    b -> "belief type hmm needs a quadratic stream with switching type markov"),
            new CompatibilityRule(
                    "belief.type",
                    "belief type hmm needs stream.gradient-noise > 0",
                    b -> b.belief() instanceof HmmSpec
                            && quadratic(b)
                            && b.stream().switching() instanceof MarkovSwitchSpec
                            && !(gradientNoise(b) > 0),
                    b -> "belief type hmm needs stream.gradient-noise > 0"),
            new CompatibilityRule(
                    "belief.model",
                    "the gaussian model observes quadratic tasks",
                    b -> gaussianModel(b) != null && !quadratic(b),
                    b -> "the gaussian model observes quadratic tasks; for a linear-regression stream use model"
                            + " linear-regression or normal-gamma"),
            new CompatibilityRule(
                    "belief.model",
                    "the gaussian model without noise-var needs stream.gradient-noise > 0",
                    b -> gaussianModel(b) != null
                            && quadratic(b)
                            && gaussianModel(b).noiseVar() == null
                            && !(gradientNoise(b) > 0),
                    b ->
                            "the gaussian model takes its noise from stream.gradient-noise, which is 0: set model.noise-var or a"
                                    + " gradient-noise > 0"),
            new CompatibilityRule(
                    "belief.model",
                    "the linear-regression model needs a linear-regression stream",
                    b -> b.belief() instanceof BocpdSpec bocpd
                            && bocpd.model() instanceof LinearRegressionModelSpec
                            && !(b.stream() instanceof LinearRegressionStreamSpec),
                    b -> "the linear-regression model observes (x, y) samples and needs a linear-regression stream"),
            new CompatibilityRule(
                    "belief.model",
                    "the variance-change and log-normal-gamma models need a regression stream",
                    b -> b.belief() instanceof BocpdSpec bocpd
                            && (bocpd.model() instanceof VarianceChangeModelSpec
                                    || bocpd.model() instanceof LogNormalGammaModelSpec)
                            && quadratic(b),
                    b -> "the " + b.type("belief.model")
                            + " model observes the residual of frozen weights on fresh samples,"
                            + " which a quadratic stream has not: use a linear-regression or slowly-changing-regression stream"
                            + " (quadratic tasks have the exact gaussian model)"),
            new CompatibilityRule(
                    "rule.type",
                    "ideal-observer needs a quadratic stream with gradient-noise > 0",
                    b -> b.rule() instanceof IdealObserverSpec && !(quadratic(b) && gradientNoise(b) > 0),
                    b -> "ideal-observer needs a quadratic stream with gradient-noise > 0"),
            new CompatibilityRule(
                    "rule.type",
                    "switch-aware-observer needs a quadratic stream with gradient-noise > 0 whose"
                            + " tasks are fresh draws (switching hazard, periodic or none)",
                    b -> b.rule() instanceof SwitchAwareObserverSpec
                            && !(quadratic(b)
                                    && gradientNoise(b) > 0
                                    && (b.stream().switching() instanceof HazardSwitchSpec
                                            || b.stream().switching() instanceof PeriodicSwitchSpec
                                            || b.stream().switching() instanceof NoSwitchSpec)),
                    b ->
                            "switch-aware-observer needs a quadratic stream with gradient-noise > 0 whose tasks are fresh draws"
                                    + " (switching hazard, periodic or none)"),
            new CompatibilityRule(
                    "reset.type",
                    "continual-backprop needs a slowly-changing-regression stream",
                    b -> b.reset() instanceof ContinualBackpropSpec && !mlp(b),
                    b ->
                            "continual-backprop replaces hidden units of an MLP learner: it needs a slowly-changing-regression stream"),
            new CompatibilityRule(
                    "reset.type",
                    "self-normalized needs a slowly-changing-regression stream",
                    b -> b.reset() instanceof SelfNormalizedResetSpec && !mlp(b),
                    b -> "self-normalized resets re-initialise hidden units of an MLP learner: it needs a"
                            + " slowly-changing-regression stream"),
            new CompatibilityRule(
                    "reset.type",
                    "belief-mlp needs a slowly-changing-regression stream",
                    b -> b.reset() instanceof BeliefMlpSpec && !mlp(b),
                    b -> "belief-mlp resets parts of an MLP learner: it needs a slowly-changing-regression stream"),
            new CompatibilityRule(
                    "rule.type",
                    "a slowly-changing-regression stream has no Hessian or true gradient for the"
                            + " rule to read (a hessian metric, or an optimal-control source other than filtered)",
                    b -> mlp(b)
                            && (b.rule() instanceof NaturalGradientSpec ng
                                            && ng.metric().kind() == MetricSpec.Kind.HESSIAN
                                    || b.rule() instanceof OptimalControlSpec oc
                                            && oc.source() != BeliefSource.FILTERED),
                    b ->
                            "a slowly-changing-regression stream has no Hessian or true gradient: use a hessian-free metric or"
                                    + " the filtered source"),
            new CompatibilityRule(
                    "rule.metric.values",
                    "a diagonal metric has dim values, a dense one dim² values",
                    b -> metric(b) != null
                            && metric(b).values() != null
                            && metric(b).values().size() != metricSize(b),
                    b -> "a " + (metric(b).kind() == MetricSpec.Kind.DENSE ? "dense" : "diagonal") + " metric for dim "
                            + b.stream().dim() + " needs " + metricSize(b) + " values, got "
                            + metric(b).values().size()),
            new CompatibilityRule(
                    "stream.optima",
                    "with switching none or drift there is one task: optima lists at most one",
                    b -> (b.stream().switching() instanceof NoSwitchSpec
                                    || b.stream().switching() instanceof DriftSwitchSpec)
                            && b.stream().optima().size() > 1,
                    b -> "lists " + b.stream().optima().size() + " tasks but switching " + b.type("stream.switching")
                            + " has a single task (only optima[0] would be used)"));

    private static boolean quadratic(Blocks b) {
        return b.stream() instanceof QuadraticStreamSpec;
    }

    private static boolean mlp(Blocks b) {
        return b.stream() instanceof SlowlyChangingRegressionStreamSpec;
    }

    private static double gradientNoise(Blocks b) {
        return b.stream() instanceof QuadraticStreamSpec q ? q.gradientNoise() : Double.NaN;
    }

    private static GaussianModelSpec gaussianModel(Blocks b) {
        return b.belief() instanceof BocpdSpec bocpd && bocpd.model() instanceof GaussianModelSpec g ? g : null;
    }

    private static MetricSpec metric(Blocks b) {
        return b.rule() instanceof NaturalGradientSpec ng
                ? ng.metric()
                : b.rule() instanceof OptimalControlSpec oc ? oc.metric() : null;
    }

    private static int metricSize(Blocks b) {
        int dim = b.stream().dim();
        return metric(b).kind() == MetricSpec.Kind.DENSE ? dim * dim : dim;
    }
}
