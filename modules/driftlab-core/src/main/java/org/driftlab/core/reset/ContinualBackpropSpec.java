package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * Continual backpropagation (Dohare et al. 2024, Algorithm 1) for MLP learners: after every step, hidden units
 * older than {@code maturityThreshold} steps accumulate ρ = {@code replacementRate} replacements each, and the
 * ⌊accumulated⌋ lowest-utility ones are re-initialised; the utility is the contribution utility with decay
 * η = {@code decay} (Eq. 1). See {@code ContinualBackprop} for the exact procedure. The learning rule's state of the
 * replaced weights is reset entry by entry; the rest of the rule's state is kept.
 */
public record ContinualBackpropSpec(double replacementRate, long maturityThreshold, double decay) implements ResetSpec {
    public ContinualBackpropSpec {
        Require.closedUnit("replacement-rate", replacementRate);
        if (maturityThreshold < 0)
            throw new IllegalArgumentException("maturity-threshold must be >= 0, got " + maturityThreshold);
        Require.unitFromZero("decay", decay);
    }

    /** The paper's slowly-changing-regression values: ρ = 1e-4, maturity 100, η = 0.99. */
    public static ContinualBackpropSpec dohare2024() {
        return new ContinualBackpropSpec(1e-4, 100, 0.99);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new ContinualBackpropPolicy(this, context);
    }
}
