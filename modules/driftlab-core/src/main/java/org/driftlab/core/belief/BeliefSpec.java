package org.driftlab.core.belief;

/** A task-belief model (DESIGN §6): none, BOCPD with an observation model, or an HMM over known tasks. */
public sealed interface BeliefSpec permits NoBeliefSpec, BocpdSpec, HmmSpec {}
