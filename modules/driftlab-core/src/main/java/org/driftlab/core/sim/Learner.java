package org.driftlab.core.sim;

import org.driftlab.core.spec.RunSpec;

/**
 * The learner side of one run (DESIGN §9): owns θ, the rule's state, the stream cursor, the learner-side
 * reset policies (periodic, oracle, shrink-perturb, l2-init) and the metrics. Advances in chunks; each
 * step writes its evidence for the belief. Confined to one thread; its copy is a snapshot for rollback.
 */
public final class Learner {
    private Learner() {}

    /** A learner at step 0 with its initial weights drawn (or pinned) as the spec says. */
    public static Learner start(RunSpec spec) {
        throw new UnsupportedOperationException("TODO(sim)");
    }
}
