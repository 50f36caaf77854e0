package org.driftlab.core.footprint;

import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.sim.OptimisticLearner;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.StreamSpec;
import org.driftlab.core.stream.SwitchSpec;

/**
 * An upper estimate of the heap one run holds while it is in flight, in bytes, by part (docs/SCALE.md gives
 * the formula). Computed in doubles so that no size overflows, however large the config's values: a part can
 * be far beyond any heap, which is the point.
 *
 * @param learnerCopies the live learner (θ and its scratch, the rule's state, the stream's per-learner state,
 *                      the metric accumulators) plus its rollback checkpoints, one per checkpoint interval of
 *                      the chunk (twins holding state only, without the scratch)
 * @param sharedStream  what the twins share: a rotated Hessian's d×d basis and the scratch that builds it
 * @param belief        the task belief: BOCPD's ring of r_max observations and r_max+2 slots of statistics,
 *                      an HMM's per-task means, the ideal observer's run-length belief
 * @param eventLogs     the switch and reset steps the run records (expected counts, with growth slack)
 * @param chunkBuffers  the evidence buffer of one chunk (K steps × evidence width), lent to the belief
 */
public record RunFootprint(
        double learnerCopies, double sharedStream, double belief, double eventLogs, double chunkBuffers) {
    /** Bytes per double and per long; ints count as half. */
    private static final double WORD = 8;
    /** An array's header (16 bytes with compressed references), in words. */
    private static final double ARRAY_HEADER = 2;
    /**
     * Arrays of length d the live learner holds: θ, the gradient, the rule's gradient, θ before the move; the
     * stream's optimum, last observation (4), its scratch (3), the spectrum and centre (3); the policy's θ₀ and
     * target; up to 6 of the rule's moments (Adam has 3).
     */
    private static final int LIVE_VECTORS = 24;
    /**
     * Arrays of length d a rollback checkpoint holds: as the live learner's, less the per-step scratch it shares
     * with it (3) and the stream's spectrum and centre, which every twin shares (3).
     */
    private static final int CHECKPOINT_VECTORS = 18;
    /** Of those, a quadratic stream's scratch and observation caches, which its checkpoints share too. */
    private static final int QUADRATIC_SHARED_VECTORS = 8;
    /** Dense d×d arrays of the rules that keep them (optimal control holds seven, natural gradient two). */
    private static final int DENSE_MATRICES = 8;
    /** A rotated Hessian: its basis plus the two d×d arrays that build it. */
    private static final int ROTATION_MATRICES = 3;
    /** Object headers and small fields of the live learner beyond its arrays (its five generators among them). */
    private static final double LIVE_OVERHEAD = 2560;
    /** The same for a checkpoint, whose spec, stream parameters and seeds are shared with the live learner. */
    private static final double CHECKPOINT_OVERHEAD = 1024;
    /** A recorded step: a long, with the slack of a log that doubles when it grows. */
    private static final double EVENT = 2 * WORD;

    /** The sum of the parts, in bytes. */
    public double total() {
        return learnerCopies + sharedStream + belief + eventLogs + chunkBuffers;
    }

    /** The estimate for {@code run} advanced in chunks of {@code chunkSize} steps. */
    public static RunFootprint of(RunSpec run, int chunkSize) {
        StreamSpec stream = run.stream();
        double d = stream.dim();
        double perCopy = WORD * (streamState(stream) + metrics(run)) + ruleState(run.rule(), d);
        double live = LIVE_OVERHEAD + WORD * LIVE_VECTORS * (d + ARRAY_HEADER) + perCopy;
        int checkpointVectors =
                CHECKPOINT_VECTORS - (stream instanceof QuadraticStreamSpec ? QUADRATIC_SHARED_VECTORS : 0);
        double checkpoint = CHECKPOINT_OVERHEAD + WORD * checkpointVectors * (d + ARRAY_HEADER) + perCopy;
        double shared = stream instanceof QuadraticStreamSpec q && q.rotated() ? WORD * ROTATION_MATRICES * d * d : 0;
        double width = evidenceWidth(run.belief(), stream);
        double events = EVENT
                * (switches(stream.switching(), run.steps()) + resets(run.reset(), stream.switching(), run.steps()));
        return new RunFootprint(
                live + checkpoints(chunkSize) * checkpoint,
                shared,
                belief(run.belief(), run.rule(), stream),
                events,
                WORD * chunkSize * width);
    }

    /**
     * A BOCPD belief over observations of {@code width} numbers with {@code statsWidth} statistics per run
     * length, at most {@code rMax} run lengths: the ring of the last r_max observations, the run-length
     * arrays, every slot's statistics (pruning usually keeps far fewer) and the model's per-run-length tables.
     */
    public static double bocpd(ObservationModelSpec model, int rMax, double width, double dim) {
        double slots = rMax + 2.0;
        double statsWidth;
        double tables;
        if (model instanceof GaussianModelSpec) {
            statsWidth = width;
            tables = (2 * width + 1) * (rMax + 1.0); // 1/(ρ+r), 1/c and the log-normaliser per run length
        } else if (model instanceof LinearRegressionModelSpec) {
            statsWidth = dim * dim + dim + 2;
            tables = rMax + 1.0;
        } else { // the scalar models: normal-gamma, variance-change, log-normal-gamma
            statsWidth = 4;
            tables = rMax + 1.0;
        }
        return WORD * (rMax * width + slots * (2.5 + statsWidth) + tables);
    }

    private static double streamState(StreamSpec stream) {
        double d = stream.dim();
        if (stream instanceof QuadraticStreamSpec q) {
            return q.switching() instanceof MarkovSwitchSpec m ? (double) m.tasks() * d : 0;
        }
        if (stream instanceof LinearRegressionStreamSpec l) return (double) l.batch() * (d + 1);
        SlowlyChangingRegressionStreamSpec m = (SlowlyChangingRegressionStreamSpec) stream;
        double inputs = m.bits() + 1.0;
        // the target network's ±1 weights as ints, the flip list, the probe's activation windows
        return 0.5 * (m.targetUnits() * inputs + m.flippingBits() + m.targetUnits())
                + 2.0 * m.activationWindow() * m.hidden();
    }

    /**
     * The rollback checkpoints {@link OptimisticLearner} keeps for chunks of {@code chunkSize} steps: one per
     * checkpoint interval (an upper estimate: a run whose policy never orders a reset from the belief keeps none).
     */
    static int checkpoints(int chunkSize) {
        int interval = OptimisticLearner.checkpointInterval(chunkSize);
        return (chunkSize + interval - 1) / interval;
    }

    // in words: the loss curve's bins (loss, excess, count), the switch-aligned lags (excess, count), the
    // switch and reset logs' first blocks (16 longs each)
    private static double metrics(RunSpec run) {
        return 3.0 * (run.metrics().curveBins() + ARRAY_HEADER)
                + 2.0 * (run.metrics().alignedLags() + 1.0 + ARRAY_HEADER)
                + 2.0 * (16 + ARRAY_HEADER);
    }

    private static double ruleState(RuleSpec rule, double d) {
        boolean dense = rule instanceof OptimalControlSpec
                || rule instanceof NaturalGradientSpec ng
                        && ng.metric().kind() != MetricSpec.Kind.DIAGONAL
                        && ng.metric().kind() != MetricSpec.Kind.HESSIAN;
        return dense ? WORD * DENSE_MATRICES * d * d : 0;
    }

    private static double belief(BeliefSpec belief, RuleSpec rule, StreamSpec stream) {
        double d = stream.dim();
        double b = 0;
        if (belief instanceof BocpdSpec bocpd)
            b += bocpd(bocpd.model(), bocpd.maxRunLength(), evidenceWidth(belief, stream), d);
        if (belief instanceof HmmSpec && stream.switching() instanceof MarkovSwitchSpec m) {
            b += WORD * (m.tasks() * (d + 4.0) + d);
        }
        if (rule instanceof IdealObserverSpec io)
            b += bocpd(new GaussianModelSpec(null, null, null), io.maxRunLength(), d, d);
        return b;
    }

    private static double evidenceWidth(BeliefSpec belief, StreamSpec stream) {
        double d = stream.dim();
        if (belief instanceof BocpdSpec bocpd) {
            ObservationModelSpec model = bocpd.model();
            if (model instanceof LinearRegressionModelSpec && stream instanceof LinearRegressionStreamSpec l) {
                return l.batch() * (d + 1);
            }
            return model instanceof GaussianModelSpec ? d : 1;
        }
        return d;
    }

    /** Expected switches over the run. */
    private static double switches(SwitchSpec switching, long steps) {
        if (switching instanceof HazardSwitchSpec h) return steps * h.hazard();
        if (switching instanceof MarkovSwitchSpec m) return steps * m.hazard();
        if (switching instanceof PeriodicSwitchSpec p) return (double) steps / p.period();
        return 0;
    }

    /** Expected resets: a periodic policy's count; any other policy is taken to reset about once per switch. */
    private static double resets(ResetSpec reset, SwitchSpec switching, long steps) {
        if (reset instanceof PeriodicResetSpec p) return (double) steps / p.period();
        return switches(switching, steps);
    }
}
