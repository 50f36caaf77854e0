package org.driftlab.core.reset;

import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.rule.LearningRule;

/**
 * A reset policy at run time (DESIGN §7), built by {@link ResetSpec#newPolicy}: its decision, its action and
 * their parameters live in one class. A run holds two instances of its policy that never share state: the
 * learner's, which acts ({@link #beforeStep}, {@link #regularise}, {@link #afterStep}, {@link #apply}), and the
 * belief's, which decides from the task belief ({@link #onBelief}); so the belief can run beside the learner
 * (an actor) and the learner can roll back without it. Policies act at discrete events, never by a per-step
 * coupling with the belief, so chunked execution with rollback stays exact (§9).
 *
 * <p>Confined to one learner (or one belief). Every method allocates nothing, except {@link #onBelief} when it
 * orders a reset and {@link #copyStateFrom} (see {@code Rng#copyStateFrom}).
 */
public interface ResetPolicy {
    /** The spec this policy was built from. */
    ResetSpec spec();

    /** Whether a weight reset by this policy also resets the learning rule's state (moments, step count). */
    default boolean resetsRuleState() {
        return spec().resetRuleState();
    }

    /**
     * Learner side, before step {@code step}'s observation ({@code switched}: the task switched right before
     * it): a reset no causal learner can make (it uses the switch before its observation). Modifies
     * {@code theta} when it resets; returns true when it did.
     */
    default boolean beforeStep(long step, boolean switched, double[] theta) {
        return false;
    }

    /**
     * Learner side, after step {@code step}'s observation and before its update ({@code switched}: the task
     * switched right before the step): modifies {@code theta} when it resets, and the learner then recomputes
     * the step's update from the reset weights with the same observation (DESIGN §7). Returns true when it reset.
     */
    default boolean beforeUpdate(long step, boolean switched, double[] theta) {
        return false;
    }

    /** Learner side: adds the policy's term to the gradient {@code g} the rule sees. {@code theta} not modified. */
    default void regularise(double[] theta, double[] g) {}

    /**
     * Learner side, after step {@code step} (0-based) has updated θ: modifies {@code theta} (and the state
     * of {@code rule}'s entries it re-initialises); returns true when it changed θ (a reset effective at
     * step + 1).
     */
    default boolean afterStep(long step, double[] theta, LearningRule rule) {
        return false;
    }

    /**
     * The window w of the p_change(w) this policy decides on; {@code detectionWindow} (the metrics' window)
     * for policies that do not read p_change.
     */
    default int window(int detectionWindow) {
        return detectionWindow;
    }

    /**
     * Belief side, after the belief consumed step {@code step}'s evidence, with p = p_change(window): the
     * reset this policy orders, or null. {@code belief} is only queried.
     */
    default ResetOrder onBelief(long step, double pChange, TaskBelief belief) {
        return null;
    }

    /** Learner side: carries out an order that this policy's belief-side twin gave. Modifies {@code theta}. */
    default void apply(ResetOrder order, double[] theta) {
        throw new IllegalStateException("reset ordered but the reset policy " + spec() + " takes no orders");
    }

    /**
     * Makes this policy (built from an equal spec and context) continue exactly as {@code other}: its random
     * generator and any kept state.
     */
    void copyStateFrom(ResetPolicy other);
}
