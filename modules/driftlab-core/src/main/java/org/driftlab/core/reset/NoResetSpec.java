package org.driftlab.core.reset;

/** Never reset. */
public record NoResetSpec() implements ResetSpec {}
