package org.driftlab.core.sim;

import org.driftlab.core.spec.RunSpec;

/**
 * The learner side of one run (DESIGN §9): owns θ, the rule's state, the stream cursor, the learner-side
 * reset policies (periodic, oracle, shrink-perturb, l2-init) and the metrics. Advances in chunks; each
 * step writes its evidence for the belief. Confined to one thread; {@link #copyStateFrom} of a second
 * learner of the same spec is the chunk-start snapshot for rollback.
 */
public final class Learner {
    private Learner() {}

    /** A learner at step 0 with its initial weights drawn (or pinned) as the spec says. */
    public static Learner start(RunSpec spec) {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** The spec this learner runs. */
    public RunSpec spec() {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** Index of the next step to run (0-based); equals the number of steps run. */
    public long nextStep() {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** True when all steps ran or the weights diverged. */
    public boolean finished() {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** Doubles of evidence each step writes (0 when the run has no belief). */
    public int evidenceWidth() {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /**
     * Runs up to {@code maxSteps} steps (fewer at the end of the stream or on divergence) and writes step
     * j's evidence at {@code evidence[j·width …]}. Returns the number of steps run. Allocates nothing.
     */
    public int runChunk(int maxSteps, double[] evidence) {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** Applies a belief-ordered reset; {@code order.step()} must be {@code nextStep() − 1}. */
    public void applyReset(ResetOrder order) {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** Makes this learner (of the same spec) an exact twin of {@code other}: weights, rule, stream, metrics. */
    public void copyStateFrom(Learner other) {
        throw new UnsupportedOperationException("TODO(sim)");
    }

    /** The result so far; normally called once {@link #finished()}. */
    public RunResult result(long wallNanos, String node) {
        throw new UnsupportedOperationException("TODO(sim)");
    }
}
