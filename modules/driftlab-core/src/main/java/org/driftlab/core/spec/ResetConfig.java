package org.driftlab.core.spec;

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

/** Reads the {@code reset} block (DESIGN §7) into a {@link ResetSpec}; the schema is in docs/CONFIG.md. */
final class ResetConfig {
    static final List<String> TYPES = List.of("none", "periodic", "oracle", "oracle-prescient", "belief-threshold", "belief-soft",
            "shrink-perturb", "l2-init", "recall", "continual-backprop");
    static final List<String> TARGETS = List.of("init", "prior-mean", "fresh-draw", "posterior-mean");
    static final int DEFAULT_WINDOW = 10;

    private ResetConfig() {}

    /** The reset spec, or null when {@code n} has problems (recorded). */
    static ResetSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(TYPES);
        if (type == null) return null;
        switch (type) {
            case "none" -> {
                n.finish();
                return n.build(mark, NoResetSpec::new);
            }
            case "periodic" -> {
                long period = n.requiredInteger("period", 1, Long.MAX_VALUE);
                ResetTarget target = target(n);
                boolean ruleState = n.bool("reset-rule-state", true);
                n.finish();
                return n.build(mark, () -> new PeriodicResetSpec(period, target, ruleState));
            }
            case "oracle", "oracle-prescient" -> {
                boolean prescient = type.equals("oracle-prescient");
                ResetTarget target = target(n);
                boolean ruleState = n.bool("reset-rule-state", true);
                n.finish();
                return n.build(mark, () -> new OracleResetSpec(target, ruleState, prescient));
            }
            case "belief-threshold", "belief-soft" -> {
                boolean soft = type.equals("belief-soft");
                double tau = n.number("tau", soft ? 0.2 : 0.5, Range.OPEN_UNIT);
                int window = (int) n.integer("window", DEFAULT_WINDOW, 1, Integer.MAX_VALUE);
                ResetTarget target = target(n);
                boolean ruleState = n.bool("reset-rule-state", true);
                n.finish();
                return n.build(mark, () -> soft ? new BeliefSoftSpec(tau, window, target, ruleState)
                        : new BeliefThresholdSpec(tau, window, target, ruleState));
            }
            case "shrink-perturb" -> {
                double lambda = n.requiredNumber("lambda", Range.CLOSED_UNIT);
                double sigma = n.requiredNumber("sigma", Range.NON_NEGATIVE);
                long every = n.integer("every", 1, 1, Long.MAX_VALUE);
                n.finish();
                return n.build(mark, () -> new ShrinkPerturbSpec(lambda, sigma, every));
            }
            case "l2-init" -> {
                double lambda = n.requiredNumber("lambda", Range.POSITIVE);
                n.finish();
                return n.build(mark, () -> new L2InitSpec(lambda));
            }
            case "continual-backprop" -> {
                double rate = n.number("replacement-rate", 1e-4, Range.CLOSED_UNIT);
                long maturity = n.integer("maturity-threshold", 100, 0, Long.MAX_VALUE);
                double decay = n.number("decay", 0.99, Range.UNIT_FROM_ZERO);
                n.finish();
                return n.build(mark, () -> new ContinualBackpropSpec(rate, maturity, decay));
            }
            default -> { // recall
                double tau = n.number("tau", 0.5, Range.OPEN_UNIT);
                boolean ruleState = n.bool("reset-rule-state", true);
                n.finish();
                return n.build(mark, () -> new RecallSpec(tau, ruleState));
            }
        }
    }

    private static ResetTarget target(ConfigNode n) {
        String t = n.choice("target", "init", TARGETS);
        return t == null ? null : ResetTarget.valueOf(t.replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
