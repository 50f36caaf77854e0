package org.driftlab.core.random;

/** What a random stream is for (DESIGN §3). Each purpose gets its own independent stream. */
public enum Purpose {
    /** Switch times and task optima. */
    TASKS,
    /** Gradient and data noise. */
    NOISE,
    /** Initial weights. */
    INIT,
    /** Any random choice a reset policy makes (fresh draws, perturbations). */
    POLICY
}
