package org.driftlab.core.reset;

/** Never reset. */
public record NoResetSpec() implements ResetSpec {
    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new NoResetPolicy(this, context);
    }
}
