package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/** L2 regularisation toward the initial weights (Kumar et al.): the rule sees g + λ(θ − θ₀). */
public record L2InitSpec(double lambda) implements ResetSpec {
    public L2InitSpec {
        Require.positive("lambda", lambda);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new L2InitPolicy(this, context);
    }
}
