package org.driftlab.core.stream;

/**
 * When and how the task changes (DESIGN §4). Switches happen between steps: a switch "at step t" means
 * step t is the first step of the new task.
 */
public sealed interface SwitchSpec
        permits NoSwitchSpec, HazardSwitchSpec, PeriodicSwitchSpec, MarkovSwitchSpec, DriftSwitchSpec {
    /** The process at run time (stateless, see {@link SwitchingProcess}). */
    SwitchingProcess newProcess();
}
