package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * A policy that acts when the belief's p_change(window) crosses tau (DESIGN §6–7): a full reset
 * ({@link BeliefThresholdSpec}) or a partial one ({@link BeliefSoftSpec}). Both need a belief.
 */
public sealed interface BeliefTriggeredSpec extends ResetSpec
        permits BeliefThresholdSpec, BeliefSoftSpec, BeliefMlpSpec {
    /** The threshold on p_change, in (0, 1). */
    double tau();

    /** The window w of p_change(w), in steps, ≥ 1. */
    int window();

    @Override
    default boolean needsBelief() {
        return true;
    }

    /** The invariants both records state in their constructors. */
    static void check(double tau, int window, ResetTarget target) {
        Require.openUnit("tau", tau);
        Require.positive("window", window);
        Require.nonNull("target", target);
    }
}
