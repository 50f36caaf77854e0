package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/** Shrink and perturb (Ash &amp; Adams 2020): after every {@code every}-th step θ ← λθ + σε, ε ~ N(0, I). */
public record ShrinkPerturbSpec(double lambda, double sigma, long every) implements ResetSpec {
    public ShrinkPerturbSpec {
        Require.closedUnit("lambda", lambda);
        Require.nonNegative("sigma", sigma);
        Require.positive("every", every);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new ShrinkPerturbPolicy(this, context);
    }
}
