package org.driftlab.core.sim;

import org.driftlab.core.belief.EvidenceInfo;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.belief.TaskFilter;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.EvidenceKind;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.TaskStream;

/**
 * The belief side of one run (DESIGN §9): the task-belief model and the belief-driven reset policy
 * (belief-threshold, belief-soft, recall). Consumes the learner's evidence step by step and stops right
 * after the first step at which it orders a reset, so its state is then exactly that of lockstep execution.
 * Confined to one thread.
 *
 * <p>Decisions after consuming step s's evidence, with p = p_change(w) (w: the policy's window, else the
 * metrics' detection window): belief-threshold orders a full reset when p > τ; belief-soft orders fraction p
 * when p crosses τ upward (p ≤ τ or a reset after the previous step, p > τ now); recall orders a switch of
 * weights when a task k other than the assumed one has posterior > τ (the most probable such k; the
 * learner assumes task 0 first, then each task it recalled). On ordering the belief is told
 * {@link TaskBelief#markReset()}. Other policies never order. Without a belief model nothing is consumed.
 */
public final class BeliefMonitor {
    private enum Kind { NEVER, THRESHOLD, SOFT, RECALL }

    private final TaskBelief belief;
    private final int width;
    private final int window;
    private final Kind kind;
    private final double tau;
    private long next;
    private boolean wasAbove;
    private int assumedTask;
    private double lastPChange = Double.NaN;
    private BeliefObserver observer;

    BeliefMonitor(RunSpec spec, TaskBelief belief, int width) {
        this.belief = belief;
        this.width = width;
        if (belief != null && belief.width() != width) {
            throw new IllegalArgumentException("belief consumes " + belief.width() + " doubles per step but the stream writes " + width);
        }
        ResetSpec reset = spec.reset();
        if (reset instanceof BeliefThresholdSpec b) {
            kind = Kind.THRESHOLD;
            tau = b.tau();
            window = b.window();
        } else if (reset instanceof BeliefSoftSpec b) {
            kind = Kind.SOFT;
            tau = b.tau();
            window = b.window();
        } else if (reset instanceof RecallSpec r) {
            kind = Kind.RECALL;
            tau = r.tau();
            window = spec.metrics().detectionWindow();
            if (!(belief instanceof TaskFilter)) throw new IllegalArgumentException("recall needs a task filter (hmm belief)");
        } else {
            kind = Kind.NEVER;
            tau = Double.NaN;
            window = spec.metrics().detectionWindow();
        }
    }

    /**
     * The monitor for {@code spec}, expecting step 0 next. Builds the belief from the spec with the
     * evidence description of the run's stream (DESIGN §6). The spec's blocks fit together: that was checked when
     * its config loaded.
     */
    public static BeliefMonitor start(RunSpec spec) {
        if (spec.belief() instanceof NoBeliefSpec) return new BeliefMonitor(spec, null, 0);
        EvidenceInfo info = evidenceInfo(spec);
        return new BeliefMonitor(spec, TaskBeliefs.create(spec.belief(), info), info.width());
    }

    /** The evidence description of {@code spec}'s stream; builds the stream only for the optimum evidence. */
    static EvidenceInfo evidenceInfo(RunSpec spec) {
        EvidenceKind kind = RunChecks.evidenceKind(spec.belief());
        switch (kind) {
            case LOSS:
            case SNAPSHOT_RESIDUAL:
                return EvidenceInfo.scalar();
            case SAMPLES:
                return EvidenceInfo.regression(spec.stream().dim(), ((LinearRegressionStreamSpec) spec.stream()).batch());
            default:
                return evidenceInfo(TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed())), kind);
        }
    }

    /**
     * What the belief needs to know about the evidence of {@code stream}: for the optimum evidence its width,
     * per-coordinate noise variance σ_g²/λ_i², the prior of each coordinate (mean in evidence coordinates:
     * μ0, or 0 when centred for a rotated H; variance σ0²) and the recurring tasks' optima in evidence
     * coordinates (markov streams, else null); for the loss a scalar series; for the samples the batch B.
     */
    static EvidenceInfo evidenceInfo(TaskStream stream, EvidenceKind kind) {
        switch (kind) {
            case LOSS:
            case SNAPSHOT_RESIDUAL:
                return EvidenceInfo.scalar();
            case SAMPLES:
                return EvidenceInfo.regression(stream.dim(), stream.evidenceWidth(kind) / (stream.dim() + 1));
            case OPTIMUM: {
                double priorVar = stream.prior().std() * stream.prior().std();
                double[][] means = null;
                if (stream.recurringTasks() > 0) {
                    means = new double[stream.recurringTasks()][];
                    for (int k = 0; k < means.length; k++) means[k] = stream.toOptimumEvidenceCoordinates(stream.recurringOptimum(k));
                }
                return new EvidenceInfo(stream.evidenceWidth(kind), stream.optimumEvidenceNoiseVariance(),
                        stream.optimumEvidencePriorMean(), priorVar, means);
            }
            default:
                throw new IllegalArgumentException("no evidence info for " + kind);
        }
    }

    /** Sends the belief's report after each consumed step to {@code observer} (null: none). */
    public void setObserver(BeliefObserver observer) {
        this.observer = observer;
    }

    /** Doubles of evidence consumed per step (0 without a belief model). */
    public int width() {
        return width;
    }

    /** The step whose evidence this monitor expects next. */
    public long nextStep() {
        return next;
    }

    /**
     * Consumes the evidence of steps {@code firstStep … firstStep + steps − 1} (layout as written by
     * {@link Learner#runChunk}) in order; returns the first reset ordered, after which nothing more is
     * consumed, or null when none. {@code firstStep} must be the next step this monitor expects.
     * {@code evidence} is not modified. Allocates nothing unless it orders a reset.
     */
    public ResetOrder consume(long firstStep, int steps, double[] evidence) {
        if (firstStep != next) throw new IllegalArgumentException("expected evidence from step " + next + ", got " + firstStep);
        for (int j = 0; j < steps; j++) {
            long step = firstStep + j;
            next = step + 1;
            if (belief == null) continue;
            belief.observe(evidence, j * width);
            double p = belief.pChange(window);
            lastPChange = p;
            if (observer != null) observer.onBelief(step, belief.mapRunLength(), belief.meanRunLength(), p);
            ResetOrder order = decide(step, p);
            if (order != null) {
                belief.markReset();
                wasAbove = false;
                return order;
            }
        }
        return null;
    }

    /**
     * True when this monitor can order resets (the policy is belief-driven). When false a driver may skip
     * the chunk-start snapshot: there will never be a rollback.
     */
    public boolean mayOrder() {
        return kind != Kind.NEVER;
    }

    /**
     * The belief itself (null without one), for observers in this package that read more of it than
     * {@link BeliefObserver} is handed (e.g. {@link RunLengthRecorder}); callers only query it.
     */
    TaskBelief belief() {
        return belief;
    }

    /** p_change after the latest consumed step (NaN before any, or without a belief). */
    double lastPChange() {
        return lastPChange;
    }

    private ResetOrder decide(long step, double p) {
        switch (kind) {
            case THRESHOLD:
                return p > tau ? ResetOrder.full(step) : null;
            case SOFT: {
                boolean above = p > tau;
                boolean crossed = above && !wasAbove;
                wasAbove = above;
                return crossed ? new ResetOrder(step, Math.min(1.0, p), -1, -1) : null;
            }
            case RECALL: {
                TaskFilter filter = (TaskFilter) belief;
                int best = -1;
                double bestP = tau;
                for (int k = 0; k < filter.tasks(); k++) {
                    if (k == assumedTask) continue;
                    double pk = filter.taskProbability(k);
                    if (pk > bestP) {
                        best = k;
                        bestP = pk;
                    }
                }
                if (best < 0) return null;
                ResetOrder order = new ResetOrder(step, 1.0, assumedTask, best);
                assumedTask = best;
                return order;
            }
            default:
                return null;
        }
    }
}
