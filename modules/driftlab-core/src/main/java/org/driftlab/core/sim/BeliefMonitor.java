package org.driftlab.core.sim;

import org.driftlab.core.belief.EvidenceInfo;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.reset.ResetContext;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetPolicy;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.EvidenceKind;
import org.driftlab.core.stream.TaskStream;

/**
 * The belief side of one run (DESIGN §9): the task-belief model and the belief side of the run's reset policy
 * ({@link ResetPolicy#onBelief}). Consumes the learner's evidence step by step and stops right after the first
 * step at which the policy orders a reset, so its state is then exactly that of lockstep execution. Confined
 * to one thread.
 *
 * <p>After consuming step s's evidence the policy is asked with p = p_change(w) (w: the policy's window, else
 * the metrics' detection window); on an order the belief is told {@link TaskBelief#markReset()}. Policies that
 * do not read the belief never order. Without a belief model nothing is consumed.
 */
public final class BeliefMonitor {
    private final TaskBelief belief;
    private final int width;
    private final int window;
    private final ResetPolicy policy; // the belief side's instance; null without a belief
    private final boolean mayOrder;
    private long next;
    private double lastPChange = Double.NaN;
    private BeliefObserver observer;

    /** A monitor of {@code belief} (null: none) for {@code spec}, its policy built against {@code stream}'s learner. */
    BeliefMonitor(RunSpec spec, TaskBelief belief, int width, TaskStream stream) {
        this.belief = belief;
        this.width = width;
        if (belief != null && belief.width() != width) {
            throw new IllegalArgumentException(
                    "belief consumes " + belief.width() + " doubles per step but the stream writes " + width);
        }
        this.policy = belief == null
                ? null
                : spec.reset().newPolicy(ResetContext.of(stream, SeedStreams.of(spec.masterSeed(), spec.seed())));
        this.window = policy == null
                ? spec.metrics().detectionWindow()
                : policy.window(spec.metrics().detectionWindow());
        this.mayOrder = belief != null && spec.reset().needsBelief();
    }

    /**
     * The monitor for {@code spec}, expecting step 0 next. Builds the belief from the spec with the
     * evidence description of the run's stream (DESIGN §6). The spec's blocks fit together: that was checked when
     * its config loaded.
     */
    public static BeliefMonitor start(RunSpec spec) {
        if (spec.belief() instanceof NoBeliefSpec) return new BeliefMonitor(spec, null, 0, null);
        TaskStream stream = TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed()));
        EvidenceInfo info = evidenceInfo(stream, RunChecks.evidenceKind(spec.belief()));
        return new BeliefMonitor(spec, TaskBeliefs.create(spec.belief(), info), info.width(), stream);
    }

    /** The evidence description of {@code spec}'s stream (built for it), as {@link #start} gives its belief. */
    static EvidenceInfo evidenceInfo(RunSpec spec) {
        TaskStream stream = TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed()));
        return evidenceInfo(stream, RunChecks.evidenceKind(spec.belief()));
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
                    for (int k = 0; k < means.length; k++)
                        means[k] = stream.toOptimumEvidenceCoordinates(stream.recurringOptimum(k));
                }
                return new EvidenceInfo(
                        stream.evidenceWidth(kind),
                        stream.optimumEvidenceNoiseVariance(),
                        stream.optimumEvidencePriorMean(),
                        priorVar,
                        means);
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
        if (firstStep != next)
            throw new IllegalArgumentException("expected evidence from step " + next + ", got " + firstStep);
        for (int j = 0; j < steps; j++) {
            long step = firstStep + j;
            next = step + 1;
            if (belief == null) continue;
            belief.observe(evidence, j * width);
            double p = belief.pChange(window);
            lastPChange = p;
            if (observer != null) observer.onBelief(step, belief.mapRunLength(), belief.meanRunLength(), p);
            ResetOrder order = policy.onBelief(step, p, belief);
            if (order != null) {
                belief.markReset();
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
        return mayOrder;
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
}
