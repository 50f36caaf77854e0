package org.driftlab.core.spec;

import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.spec.ConfigProblem.Kind;

/**
 * Gives a rule that steers by the run's belief (optimal control with {@code source = belief}, DESIGN §6) that
 * belief, once both blocks are read; the rule and belief blocks stay independent in the config.
 */
final class RuleBeliefs {
    private RuleBeliefs() {}

    /** {@code rule} with the belief attached when it needs one; a problem at rule.source when the belief cannot serve. */
    static RuleSpec attach(Problems p, RuleSpec rule, BeliefSpec belief, ConfigNode ruleNode) {
        if (!(rule instanceof OptimalControlSpec oc) || oc.source() != BeliefSource.BELIEF) return rule;
        if (belief instanceof BocpdSpec bocpd && bocpd.model() instanceof GaussianModelSpec)
            return oc.withBelief(bocpd);
        p.add(
                ruleNode.originOf("source"),
                "rule.source",
                Kind.INCONSISTENT,
                "source = belief steers toward the posterior mean of w* under the run's belief, which must be"
                        + " belief { type = bocpd, model = gaussian }; got " + describe(belief));
        return rule;
    }

    private static String describe(BeliefSpec belief) {
        if (belief instanceof HmmSpec) return "type hmm";
        if (belief instanceof BocpdSpec bocpd) {
            return "model " + (bocpd.model() instanceof NormalGammaModelSpec ? "normal-gamma" : "linear-regression");
        }
        return "none";
    }
}
