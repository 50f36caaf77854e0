package org.driftlab.core.sim;

import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.spec.RunSpec;

/**
 * A {@link Learner} advanced in optimistic chunks with rollback (DESIGN §9), the one mechanism behind both
 * {@link Simulation} and the cluster's learner entity. {@link #runChunk} runs up to K steps ahead of the
 * belief, keeping checkpoints (learner twins) every M steps inside the chunk; when the belief then orders a
 * reset from step s's observation, {@link #rollBack} restores the nearest checkpoint at or before s, replays
 * the steps from it to s − 1 (the same steps with the same state, so the same weights at s) and reruns step s
 * with the reset before its update (DESIGN §7). The steps after s were computed with the pre-reset weights
 * and are simply discarded. Even a reset from the chunk's last step needs the rollback: that step's update
 * is recomputed.
 *
 * <p>Cost per reset, in learner steps: about K/2 discarded (inherent to running K steps ahead) plus at most
 * M − 1 replayed (M/2 on average), against K/2 + K/2 with a single chunk-start snapshot. The price is one
 * {@link Learner#copyStateFrom} per M steps, paid in every chunk. With N steps per run, R resets per run,
 * a copy costing C and a step S, the extra work N·C/M + R·(M/2)·S is least at M = √(2·N·C / (R·S)), and it
 * is flat near that optimum. {@link #CHECKPOINT_INTERVAL} is chosen near it for the reference workload W1. Memory
 * bounds it further: each checkpoint is a learner twin holding state only ({@link Learner#checkpoint}: it shares the live
 * learner's scratch, see docs/SCALE.md) held by every learner in flight, so at most
 * {@link #MAX_CHECKPOINTS} are kept, and for K > MAX_CHECKPOINTS × CHECKPOINT_INTERVAL the interval grows to
 * ⌈K / MAX_CHECKPOINTS⌉. The measurements behind both constants are in docs/PERFORMANCE.md ("Checkpoints inside
 * a chunk").
 *
 * <p>Allocation: the twins in {@link #start}; nothing per chunk (the learner's own rare log growth apart).
 * Confined to one thread.
 */
public final class OptimisticLearner {
    /** Steps between checkpoints inside a chunk (M), see the class comment for how it was chosen. */
    public static final int CHECKPOINT_INTERVAL = 32;
    /** The most checkpoints (learner twins) kept per learner; the interval grows for longer chunks. */
    public static final int MAX_CHECKPOINTS = 4;

    private final Learner learner;
    private final int chunkSize;
    private final int interval;
    private final int width;
    private final Learner[] checkpoints; // checkpoint j: the state before step checkpointStep[j]; null without rollback
    private final long[] checkpointStep;
    private int taken; // checkpoints valid for the current chunk
    private long chunkStart;
    private int ran; // steps the current chunk ran

    private OptimisticLearner(Learner learner, int chunkSize, int interval, boolean mayRollBack) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        if (interval < 1) throw new IllegalArgumentException("checkpoint interval must be >= 1, got " + interval);
        this.learner = learner;
        this.chunkSize = chunkSize;
        this.interval = interval;
        this.width = learner.evidenceWidth();
        if (mayRollBack) {
            int count = (chunkSize + interval - 1) / interval;
            checkpoints = new Learner[count];
            checkpointStep = new long[count];
            for (int j = 0; j < count; j++) checkpoints[j] = learner.checkpoint();
        } else {
            checkpoints = null;
            checkpointStep = null;
        }
        chunkStart = learner.nextStep();
    }

    /**
     * A learner at step 0 for {@code spec}, run in chunks of {@code chunkSize} ≥ 1 steps; with
     * {@code mayRollBack} false no checkpoints are kept and {@link #rollBack} is refused (for runs whose
     * policy never orders a reset from the belief: the result is the same either way).
     *
     * @throws IllegalArgumentException when the spec's parts do not fit together, or chunkSize < 1
     */
    public static OptimisticLearner start(RunSpec spec, int chunkSize, boolean mayRollBack) {
        return start(spec, chunkSize, mayRollBack, checkpointInterval(chunkSize));
    }

    /** As {@link #start(RunSpec, int, boolean)} with a given checkpoint interval (tests place resets around it). */
    static OptimisticLearner start(RunSpec spec, int chunkSize, boolean mayRollBack, int interval) {
        return new OptimisticLearner(Learner.start(spec), chunkSize, interval, mayRollBack);
    }

    /** The checkpoint interval used for chunks of K = {@code chunkSize}: M, or ⌈K / MAX_CHECKPOINTS⌉ when larger. */
    public static int checkpointInterval(int chunkSize) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        return Math.max(CHECKPOINT_INTERVAL, (chunkSize + MAX_CHECKPOINTS - 1) / MAX_CHECKPOINTS);
    }

    /**
     * The live learner: its step, whether it finished, its result. Drive it only through this object
     * (running it directly would leave the checkpoints behind).
     */
    public Learner learner() {
        return learner;
    }

    /** K, the most steps one {@link #runChunk} runs. */
    public int chunkSize() {
        return chunkSize;
    }

    /** The first step of the latest chunk (the next step before any chunk ran). */
    public long chunkStart() {
        return chunkStart;
    }

    /**
     * Runs the next chunk: up to {@link #chunkSize()} steps (fewer at the end of the stream or on divergence),
     * writing step j's evidence at {@code evidence[j·width …]}, which must hold chunkSize × width doubles.
     * Returns the number of steps run, whose evidence the belief is to consume. Keeps a checkpoint before
     * every M steps when rollback is possible. Allocates nothing.
     */
    public int runChunk(double[] evidence) {
        return runChunk(chunkSize, evidence);
    }

    /** As {@link #runChunk(double[])}, running at most {@code maxSteps} ≤ chunkSize steps (a shorter chunk). */
    public int runChunk(int maxSteps, double[] evidence) {
        if (maxSteps < 0 || maxSteps > chunkSize) {
            throw new IllegalArgumentException("maxSteps must be in [0, " + chunkSize + "], got " + maxSteps);
        }
        if ((long) maxSteps * width > evidence.length) {
            throw new IllegalArgumentException(
                    "evidence must hold " + maxSteps + " x " + width + " doubles, got " + evidence.length);
        }
        chunkStart = learner.nextStep();
        taken = 0;
        ran = 0;
        if (checkpoints == null) {
            ran = learner.runChunk(maxSteps, evidence, 0);
            return ran;
        }
        // every step, the last one included, may have to be rerun with a reset (DESIGN §7), so even a
        // one-step chunk (lockstep) keeps its checkpoint
        while (ran < maxSteps && !learner.finished()) {
            int segment = Math.min(interval, maxSteps - ran);
            checkpoints[taken].copyStateFrom(learner);
            checkpointStep[taken] = learner.nextStep();
            taken++;
            int n = learner.runChunk(segment, evidence, ran * width);
            ran += n;
            if (n < segment) break; // finished or diverged
        }
        return ran;
    }

    /**
     * Applies a reset the belief ordered from step s = {@code order.step()} of the latest chunk, as the timing
     * contract says (DESIGN §7: before step s's update), as if the chunk had stopped there: restores the nearest
     * checkpoint at or before s, replays the steps from it to s − 1 (rewriting their evidence in
     * {@code evidence}, at the same places and with the same values) and runs step s with the reset
     * ({@link Learner#runResetStep}); the chunk's steps after s are discarded. Afterwards
     * {@code learner().nextStep()} is s + 1. Allocates nothing.
     *
     * @throws IllegalArgumentException when s is not a step the latest chunk ran
     * @throws IllegalStateException    when rollback was not enabled at {@link #start}
     */
    public void rollBack(ResetOrder order, double[] evidence) {
        long s = order.step();
        if (s < chunkStart || s >= chunkStart + ran) {
            throw new IllegalArgumentException("reset at step " + s + " outside the chunk " + chunkStart + "+" + ran);
        }
        if (checkpoints == null) throw new IllegalStateException("rollback was not enabled for this learner");
        int j = taken - 1;
        while (j > 0 && checkpointStep[j] > s) j--;
        if (j < 0 || checkpointStep[j] > s) {
            throw new IllegalStateException("no checkpoint at or before step " + s + " in the chunk at " + chunkStart);
        }
        learner.copyStateFrom(checkpoints[j]);
        int replay = (int) (s - checkpointStep[j]);
        int replayed = learner.runChunk(replay, evidence, (int) (checkpointStep[j] - chunkStart) * width);
        if (replayed != replay) throw new IllegalStateException("replay ran " + replayed + " of " + replay + " steps");
        if (learner.runResetStep(order, evidence, (int) (s - chunkStart) * width) != 1) {
            throw new IllegalStateException("the reset step " + s + " did not run");
        }
        ran = (int) (s + 1 - chunkStart);
        taken = 0; // the checkpoints after s are stale; the next chunk takes fresh ones
    }
}
