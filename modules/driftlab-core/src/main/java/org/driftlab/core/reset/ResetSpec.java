package org.driftlab.core.reset;

/**
 * A reset policy (DESIGN §7). Policies act at discrete events, never by a per-step coupling with the
 * belief, so chunked execution with rollback stays exact. {@code resetRuleState}: whether a weight reset
 * also resets the learning rule's state (moments, step count).
 */
public sealed interface ResetSpec
        permits NoResetSpec,
                PeriodicResetSpec,
                OracleResetSpec,
                BeliefTriggeredSpec,
                ShrinkPerturbSpec,
                L2InitSpec,
                RecallSpec,
                ContinualBackpropSpec,
                SelfNormalizedResetSpec {
    /**
     * A fresh policy of this spec for a learner (or a belief) described by {@code context}: the only place a
     * policy allocates.
     *
     * @throws IllegalArgumentException when the policy cannot act on that learner (recall without K &ge; 2
     *         recurring tasks, continual backprop without an MLP)
     */
    ResetPolicy newPolicy(ResetContext context);

    /** Where this policy's resets send the weights; INIT for policies that never move them to a target. */
    default ResetTarget target() {
        return ResetTarget.INIT;
    }

    /** Whether this policy's weight resets also reset the rule's state; false for policies that keep it. */
    default boolean resetRuleState() {
        return false;
    }

    /** True when the policy's decisions come from the task belief (so the run needs a belief model). */
    default boolean needsBelief() {
        return false;
    }
}
