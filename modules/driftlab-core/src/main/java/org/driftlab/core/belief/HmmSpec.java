package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * A hidden-Markov filter over the K known recurring tasks of a {@code markov} stream (their optima and
 * noise come from the stream): stay with probability 1 − {@code hazard}, else move uniformly to another
 * task. Observes the evidence z of quadratic tasks with the Gaussian known-noise likelihood.
 */
public record HmmSpec(double hazard) implements BeliefSpec {
    public HmmSpec {
        Require.openUnit("hazard", hazard);
    }
}
