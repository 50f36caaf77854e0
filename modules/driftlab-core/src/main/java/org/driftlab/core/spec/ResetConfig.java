package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.bool;
import static org.driftlab.core.spec.Key.choice;
import static org.driftlab.core.spec.Key.integer;
import static org.driftlab.core.spec.Key.real;
import static org.driftlab.core.spec.Key.requiredInteger;
import static org.driftlab.core.spec.Key.requiredReal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.driftlab.core.reset.BeliefMlpSpec;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.BeliefTriggeredSpec;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.MlpResetScope;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.SelfNormalizedResetSpec;
import org.driftlab.core.reset.ShrinkPerturbSpec;

/** The {@code reset} block (DESIGN §7): its declaration and its reader. */
final class ResetConfig {
    static final Key TARGET = choice(
            "target",
            "init",
            List.of("init", "prior-mean", "fresh-draw", "posterior-mean"),
            "where a reset sends the weights: the run's initial weights, μ0·1, a new draw from the init distribution, or"
                    + " the new run's posterior mean of the optimum (since the estimated change point; belief-threshold and"
                    + " belief-soft with a Gaussian bocpd belief)");
    static final Key RULE_STATE =
            bool("reset-rule-state", true, "a reset also resets the rule's moments and step count");
    static final Key WINDOW = integer(
                    "window",
                    10,
                    1,
                    Integer.MAX_VALUE,
                    "p_change(window): the posterior probability"
                            + " of a switch within the last window steps (after the last reset)")
            .unit("steps");
    /**
     * The reset timing contract (DESIGN §7) in the canonical form of the policies whose results it changed: their
     * runs from before it (the oracle resetting before the switch step's observation, belief resets after the
     * update of the step they were decided at) must not resume from a store as if they were today's runs.
     */
    static final Key TIMING = Key.fixed(
            "timing",
            "before-update",
            "a reset decided from step s's observation acts"
                    + " before step s's update (the timing contract above); part of the run id, so that runs from before the"
                    + " contract are not resumed");

    /**
     * Recall's form of {@link #TIMING}: since its kept weights became those of the estimated change point (not
     * those at detection), its results changed again, so its runs from before must not resume either.
     */
    static final Key RECALL_TIMING = Key.fixed(
            "timing",
            "before-update-rewind",
            "as before-update, and the weights kept for the old task are those at the belief's estimated change"
                    + " point (before the first update on the new task); part of the run id");

    private static final ContinualBackpropSpec DOHARE = ContinualBackpropSpec.dohare2024();

    static final Block RESET = Block.typed(
            "reset",
            "The reset policy (DESIGN §7)",
            "the timing contract: a reset decided from step s's observation (oracle, belief-threshold, belief-soft,"
                    + " recall) acts before step s's update. Step s's loss is paid at the old weights; θ_s is replaced by"
                    + " the reset weights and step s's update is recomputed there from the same observation (same sample,"
                    + " same noise: for the quadratic g' = g_s + H(θ_reset − θ_s)); recall keeps, for the task it leaves, the"
                    + " weights from before the first update on the new task (those at the belief's estimated change"
                    + " point). Such a reset is recorded at step s; periodic and shrink-perturb act after step s and"
                    + " are recorded at s + 1",
            Variant.of("none", "never reset").builds(v -> new NoResetSpec()),
            Variant.of(
                            "periodic",
                            "reset after every period-th step",
                            requiredInteger("period", 1, Long.MAX_VALUE, "T").unit("steps"),
                            TARGET,
                            RULE_STATE)
                    .builds(v -> new PeriodicResetSpec(v.integer("period"), target(v), ruleState(v))),
            Variant.of(
                            "oracle",
                            "the causal oracle: at the first step of each new task, after its observation (that"
                                    + " step's loss is paid at the old weights), reset before its update",
                            TARGET,
                            RULE_STATE,
                            TIMING)
                    .builds(v -> new OracleResetSpec(target(v), ruleState(v), false)),
            Variant.of(
                            "oracle-prescient",
                            "reset before the first step of each new task, before its observation: a"
                                    + " reference no learner can reach",
                            TARGET,
                            RULE_STATE)
                    .builds(v -> new OracleResetSpec(target(v), ruleState(v), true)),
            beliefTriggered(
                    "belief-threshold",
                    "reset when p_change(window) > tau; needs a belief",
                    0.5,
                    BeliefThresholdSpec::new),
            beliefTriggered(
                    "belief-soft",
                    "when p_change crosses tau: θ ← θ + p·(θ_reset − θ); needs a belief",
                    0.2,
                    BeliefSoftSpec::new),
            Variant.of(
                            "belief-mlp",
                            "reset part of an MLP learner when p_change(window) > tau: fresh draws from the init"
                                    + " distribution; needs a belief and a slowly-changing-regression stream",
                            real("tau", 0.5, Range.OPEN_UNIT, "threshold on p_change"),
                            WINDOW,
                            choice(
                                    "scope",
                                    "network",
                                    List.of("network", "layer", "unit"),
                                    "what is re-drawn: every weight; the output layer (v and its bias; the hidden"
                                            + " features are kept); or the ceil(fraction·H) hidden units of lowest"
                                            + " contribution utility u_j ← decay·u_j + (1 − decay)·|h_j|·|v_j|"
                                            + " (continual backprop's ranking), their outgoing weights set to 0"),
                            real(
                                    "fraction",
                                    0.2,
                                    Range.CLOSED_UNIT,
                                    "share of the hidden units a unit-scope reset re-draws"),
                            real(
                                    "decay",
                                    0.99,
                                    Range.UNIT_FROM_ZERO,
                                    "decay of the units' contribution utility (unit scope)"),
                            // born under the timing contract: no earlier runs to tell apart, so no timing key
                            RULE_STATE)
                    .builds(v -> new BeliefMlpSpec(
                            v.real("tau"),
                            window(v),
                            MlpResetScope.valueOf(v.text("scope").toUpperCase(Locale.ROOT)),
                            v.real("fraction"),
                            v.real("decay"),
                            ruleState(v))),
            Variant.of(
                            "shrink-perturb",
                            "θ ← λθ + σε after every `every`-th step",
                            requiredReal("lambda", Range.CLOSED_UNIT, "λ, the shrink factor"),
                            requiredReal("sigma", Range.NON_NEGATIVE, "σ, the perturbation's std"),
                            integer("every", 1, 1, Long.MAX_VALUE, "steps between shrinks")
                                    .unit("steps"))
                    .builds(v -> new ShrinkPerturbSpec(v.real("lambda"), v.real("sigma"), v.integer("every"))),
            Variant.of(
                            "l2-init",
                            "the rule sees g + λ(θ − θ₀)",
                            requiredReal("lambda", Range.POSITIVE, "λ, the pull toward the initial weights θ₀"))
                    .builds(v -> new L2InitSpec(v.real("lambda"))),
            Variant.of(
                            "recall",
                            "load the weights kept for the task the HMM now believes in; needs belief type hmm",
                            real(
                                    "tau",
                                    0.5,
                                    Range.OPEN_UNIT,
                                    "posterior of another task above which the learner switches to it"),
                            RULE_STATE,
                            RECALL_TIMING)
                    .builds(v -> new RecallSpec(v.real("tau"), ruleState(v))),
            Variant.of(
                            "continual-backprop",
                            "Dohare et al.'s Algorithm 1: re-initialise the lowest-utility mature hidden"
                                    + " units; needs a slowly-changing-regression stream",
                            real(
                                    "replacement-rate",
                                    DOHARE.replacementRate(),
                                    Range.CLOSED_UNIT,
                                    "ρ, replacements per mature unit and step"),
                            integer(
                                            "maturity-threshold",
                                            DOHARE.maturityThreshold(),
                                            0,
                                            Long.MAX_VALUE,
                                            "age before a unit may be replaced")
                                    .unit("steps"),
                            real("decay", DOHARE.decay(), Range.UNIT_FROM_ZERO, "η, decay of the contribution utility"))
                    .builds(v -> new ContinualBackpropSpec(
                            v.real("replacement-rate"), v.integer("maturity-threshold"), v.real("decay"))),
            Variant.of(
                            "self-normalized",
                            "Farias & Jozefiak's self-normalized resets: after every step, re-initialise each hidden"
                                    + " unit whose time since it last fired passes the percentile quantile of its own"
                                    + " inter-firing time (geometric, at its firing rate since its last reset);"
                                    + " needs a slowly-changing-regression stream",
                            real(
                                    "percentile",
                                    0.99,
                                    Range.OPEN_UNIT,
                                    "the rejection percentile: reset when (1 − p̂)^idle < 1 − percentile"))
                    .builds(v -> new SelfNormalizedResetSpec(v.real("percentile"))));

    private ResetConfig() {}

    /** The reset spec, or null when {@code n} has problems (recorded). */
    static ResetSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(RESET);
        return type == null ? null : n.buildVariant(mark, RESET.variant(type), ResetSpec.class);
    }

    /**
     * The declaration of a policy that acts when p_change(window) crosses tau: the policies share their keys and
     * trigger; they differ in tau's default, their doc and what they do.
     */
    private static Variant beliefTriggered(
            String type, String doc, double tauDefault, Function<BeliefTrigger, BeliefTriggeredSpec> spec) {
        return Variant.of(
                        type,
                        doc,
                        real("tau", tauDefault, Range.OPEN_UNIT, "threshold on p_change"),
                        WINDOW,
                        TARGET,
                        RULE_STATE,
                        TIMING)
                .builds(v -> spec.apply(new BeliefTrigger(v.real("tau"), window(v), target(v), ruleState(v))));
    }

    private static ResetTarget target(Values v) {
        return ResetTarget.valueOf(v.text(TARGET.name()).replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private static boolean ruleState(Values v) {
        return v.bool(RULE_STATE.name());
    }

    private static int window(Values v) {
        return (int) v.integer(WINDOW.name());
    }
}
