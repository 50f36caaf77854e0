package org.driftlab.core.spec;

import static org.driftlab.core.spec.Key.bool;
import static org.driftlab.core.spec.Key.choice;
import static org.driftlab.core.spec.Key.integer;
import static org.driftlab.core.spec.Key.real;
import static org.driftlab.core.spec.Key.requiredInteger;
import static org.driftlab.core.spec.Key.requiredReal;

import java.util.List;
import java.util.Locale;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.ShrinkPerturbSpec;

/** The {@code reset} block (DESIGN §7): its declaration and its reader. */
final class ResetConfig {
    static final Key TARGET = choice("target", "init", List.of("init", "prior-mean", "fresh-draw"),
            "where a reset sends the weights: the run's initial weights, μ0·1, or a new draw from the init distribution");
    static final Key RULE_STATE = bool("reset-rule-state", true, "a reset also resets the rule's moments and step count");
    static final Key WINDOW = integer("window", 10, 1, Integer.MAX_VALUE, "p_change(window): the posterior probability"
            + " of a switch within the last window steps (after the last reset)").unit("steps");
    private static final ContinualBackpropSpec DOHARE = ContinualBackpropSpec.dohare2024();

    static final Block RESET = Block.typed("reset", "The reset policy (DESIGN §7)", "",
            Variant.of("none", "never reset"),
            Variant.of("periodic", "reset after every period-th step",
                    requiredInteger("period", 1, Long.MAX_VALUE, "T").unit("steps"), TARGET, RULE_STATE),
            Variant.of("oracle", "reset exactly at true switches: the upper reference", TARGET, RULE_STATE),
            Variant.of("belief-threshold", "reset when p_change(window) > tau; needs a belief",
                    real("tau", 0.5, Range.OPEN_UNIT, "threshold on p_change"), WINDOW, TARGET, RULE_STATE),
            Variant.of("belief-soft", "when p_change crosses tau: θ ← θ + p·(θ_reset − θ); needs a belief",
                    real("tau", 0.2, Range.OPEN_UNIT, "threshold on p_change"), WINDOW, TARGET, RULE_STATE),
            Variant.of("shrink-perturb", "θ ← λθ + σε after every `every`-th step",
                    requiredReal("lambda", Range.CLOSED_UNIT, "λ, the shrink factor"),
                    requiredReal("sigma", Range.NON_NEGATIVE, "σ, the perturbation's std"),
                    integer("every", 1, 1, Long.MAX_VALUE, "steps between shrinks").unit("steps")),
            Variant.of("l2-init", "the rule sees g + λ(θ − θ₀)",
                    requiredReal("lambda", Range.POSITIVE, "λ, the pull toward the initial weights θ₀")),
            Variant.of("recall", "load the weights kept for the task the HMM now believes in; needs belief type hmm",
                    real("tau", 0.5, Range.OPEN_UNIT, "posterior of another task above which the learner switches to it"), RULE_STATE),
            Variant.of("continual-backprop", "Dohare et al.'s Algorithm 1: re-initialise the lowest-utility mature hidden"
                            + " units; needs a slowly-changing-regression stream",
                    real("replacement-rate", DOHARE.replacementRate(), Range.CLOSED_UNIT, "ρ, replacements per mature unit and step"),
                    integer("maturity-threshold", DOHARE.maturityThreshold(), 0, Long.MAX_VALUE, "age before a unit may be replaced").unit("steps"),
                    real("decay", DOHARE.decay(), Range.UNIT_FROM_ZERO, "η, decay of the contribution utility")));

    private ResetConfig() {}

    /** The reset spec, or null when {@code n} has problems (recorded). */
    static ResetSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(RESET);
        if (type == null) return null;
        Variant v = RESET.variant(type);
        switch (type) {
            case "none" -> {
                n.finish();
                return n.build(mark, NoResetSpec::new);
            }
            case "periodic" -> {
                long period = n.integer(v.key("period"));
                ResetTarget target = target(n);
                boolean ruleState = n.bool(RULE_STATE);
                n.finish();
                return n.build(mark, () -> new PeriodicResetSpec(period, target, ruleState));
            }
            case "oracle" -> {
                ResetTarget target = target(n);
                boolean ruleState = n.bool(RULE_STATE);
                n.finish();
                return n.build(mark, () -> new OracleResetSpec(target, ruleState));
            }
            case "belief-threshold", "belief-soft" -> {
                boolean soft = type.equals("belief-soft");
                double tau = n.real(v.key("tau"));
                int window = (int) n.integer(WINDOW);
                ResetTarget target = target(n);
                boolean ruleState = n.bool(RULE_STATE);
                n.finish();
                return n.build(mark, () -> soft ? new BeliefSoftSpec(tau, window, target, ruleState)
                        : new BeliefThresholdSpec(tau, window, target, ruleState));
            }
            case "shrink-perturb" -> {
                double lambda = n.real(v.key("lambda"));
                double sigma = n.real(v.key("sigma"));
                long every = n.integer(v.key("every"));
                n.finish();
                return n.build(mark, () -> new ShrinkPerturbSpec(lambda, sigma, every));
            }
            case "l2-init" -> {
                double lambda = n.real(v.key("lambda"));
                n.finish();
                return n.build(mark, () -> new L2InitSpec(lambda));
            }
            case "continual-backprop" -> {
                double rate = n.real(v.key("replacement-rate"));
                long maturity = n.integer(v.key("maturity-threshold"));
                double decay = n.real(v.key("decay"));
                n.finish();
                return n.build(mark, () -> new ContinualBackpropSpec(rate, maturity, decay));
            }
            default -> { // recall
                double tau = n.real(v.key("tau"));
                boolean ruleState = n.bool(RULE_STATE);
                n.finish();
                return n.build(mark, () -> new RecallSpec(tau, ruleState));
            }
        }
    }

    private static ResetTarget target(ConfigNode n) {
        String t = n.choice(TARGET);
        return t == null ? null : ResetTarget.valueOf(t.replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
