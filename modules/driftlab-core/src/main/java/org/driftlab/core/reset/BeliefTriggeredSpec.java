package org.driftlab.core.reset;

/**
 * A policy that acts when the belief's p_change(window) crosses tau (DESIGN §6–7): a full reset
 * ({@link BeliefThresholdSpec}) or a partial one ({@link BeliefSoftSpec}), both described by a {@link BeliefTrigger}.
 * Both need a belief.
 */
public sealed interface BeliefTriggeredSpec extends ResetSpec
        permits BeliefThresholdSpec, BeliefSoftSpec, BeliefMlpSpec {
    /** When the policy acts and where it sends the weights. */
    BeliefTrigger trigger();

    /** The threshold on p_change, in (0, 1). */
    default double tau() {
        return trigger().tau();
    }

    /** The window w of p_change(w), in steps, ≥ 1. */
    default int window() {
        return trigger().window();
    }

    @Override
    default ResetTarget target() {
        return trigger().target();
    }

    @Override
    default boolean resetRuleState() {
        return trigger().resetRuleState();
    }

    @Override
    default boolean needsBelief() {
        return true;
    }
}
