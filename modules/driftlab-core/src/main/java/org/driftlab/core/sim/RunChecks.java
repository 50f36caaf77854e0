package org.driftlab.core.sim;

import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.DriftSwitchSpec;
import org.driftlab.core.stream.EvidenceKind;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.SwitchSpec;

/** Checks that a run's stream, belief and reset policy fit together (DESIGN §6–7); the evidence they imply. */
final class RunChecks {
    private RunChecks() {}

    /** Throws IllegalArgumentException naming the offending combination. */
    static void check(RunSpec spec) {
        BeliefSpec belief = spec.belief();
        SwitchSpec switching = spec.stream().switching();
        if ((switching instanceof NoSwitchSpec || switching instanceof DriftSwitchSpec) && spec.stream().optima().size() > 1) {
            throw new IllegalArgumentException("optima lists " + spec.stream().optima().size() + " tasks but switching "
                    + switching + " has a single task (only optima[0] would be used)");
        }
        boolean mlp = spec.stream() instanceof SlowlyChangingRegressionStreamSpec;
        if (spec.reset() instanceof ContinualBackpropSpec && !mlp) {
            throw new IllegalArgumentException("reset policy continual-backprop needs an MLP learner (a slowly-changing-regression stream), got "
                    + spec.stream());
        }
        if (mlp && needsTaskView(spec)) {
            throw new IllegalArgumentException("rule " + spec.rule() + " needs the task's Hessian or true gradient, which a"
                    + " slowly-changing-regression stream does not have");
        }
        if (spec.reset().needsBelief() && belief instanceof NoBeliefSpec) {
            throw new IllegalArgumentException("reset policy " + spec.reset() + " needs a task belief, but belief is none");
        }
        if (spec.reset() instanceof RecallSpec && !(belief instanceof HmmSpec)) {
            throw new IllegalArgumentException("reset policy recall needs the hmm belief, got " + belief);
        }
        if (belief instanceof HmmSpec) {
            if (!(spec.stream() instanceof QuadraticStreamSpec quadratic) || !(quadratic.switching() instanceof MarkovSwitchSpec)) {
                throw new IllegalArgumentException("belief hmm needs a quadratic stream with markov switching, got " + spec.stream());
            }
            if (!(quadratic.gradientNoise() > 0)) {
                throw new IllegalArgumentException("belief hmm needs gradient-noise > 0 (its likelihood has variance σ_g²/λ²), got " + quadratic.gradientNoise());
            }
        }
        if (belief instanceof BocpdSpec bocpd) {
            ObservationModelSpec model = bocpd.model();
            if (model instanceof GaussianModelSpec gaussian) {
                if (!(spec.stream() instanceof QuadraticStreamSpec quadratic)) {
                    throw new IllegalArgumentException("observation model gaussian needs a quadratic stream (evidence z = θ − H⁻¹g);"
                            + " for linear regression use the linear-regression or normal-gamma model");
                }
                if (gaussian.noiseVar() == null && !(quadratic.gradientNoise() > 0)) {
                    throw new IllegalArgumentException("observation model gaussian takes its noise from gradient-noise, which is 0: set noise-var");
                }
            }
            if (model instanceof LinearRegressionModelSpec && !(spec.stream() instanceof LinearRegressionStreamSpec)) {
                throw new IllegalArgumentException("observation model linear-regression needs a linear-regression stream, got " + spec.stream());
            }
        }
    }

    /** True when the rule reads the task's Hessian or noise-free gradient (DESIGN §5 oracle knowledge). */
    private static boolean needsTaskView(RunSpec spec) {
        if (spec.rule() instanceof IdealObserverSpec) return true;
        if (spec.rule() instanceof NaturalGradientSpec ng) return ng.metric().kind() == MetricSpec.Kind.HESSIAN;
        if (spec.rule() instanceof OptimalControlSpec oc) return oc.source() != BeliefSource.FILTERED;
        return false;
    }

    /** The evidence the run's belief model consumes. */
    static EvidenceKind evidenceKind(BeliefSpec belief) {
        if (belief instanceof NoBeliefSpec) return EvidenceKind.NONE;
        if (belief instanceof HmmSpec) return EvidenceKind.OPTIMUM;
        ObservationModelSpec model = ((BocpdSpec) belief).model();
        if (model instanceof GaussianModelSpec) return EvidenceKind.OPTIMUM;
        if (model instanceof NormalGammaModelSpec) return EvidenceKind.LOSS;
        if (model instanceof LinearRegressionModelSpec) return EvidenceKind.SAMPLES;
        throw new IllegalArgumentException("unknown observation model " + model);
    }
}
