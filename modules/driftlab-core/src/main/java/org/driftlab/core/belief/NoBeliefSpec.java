package org.driftlab.core.belief;

/** No task belief: only policies that need none (none, periodic, oracle, shrink-perturb, l2-init) apply. */
public record NoBeliefSpec() implements BeliefSpec {}
