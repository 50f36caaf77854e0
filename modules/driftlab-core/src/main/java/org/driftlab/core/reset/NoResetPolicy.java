package org.driftlab.core.reset;

/** Never resets. */
final class NoResetPolicy extends AbstractResetPolicy {
    NoResetPolicy(NoResetSpec spec, ResetContext context) {
        super(spec, context);
    }
}
