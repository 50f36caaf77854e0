package org.driftlab.core.stream;

import java.util.List;

/**
 * A task stream (DESIGN §4): a landscape family, its prior over optima, and a switching process.
 * {@code init} pins the initial weights (else drawn from the prior with the INIT stream); {@code optima}
 * pins the optima of the first tasks in order (for {@code markov}: of the recurring tasks), later tasks are
 * drawn from the prior with the TASKS stream.
 */
public sealed interface StreamSpec
        permits QuadraticStreamSpec, LinearRegressionStreamSpec, SlowlyChangingRegressionStreamSpec {
    int dim();

    /**
     * The isotropic Gaussian over optima and initial weights; streams without one (slowly-changing
     * regression, whose learner is an MLP) throw UnsupportedOperationException: use
     * {@link TaskStream#initDistribution()}.
     */
    PriorSpec prior();

    /** Pinned initial weights (length dim), or null. */
    List<Double> init();

    /** Pinned optima, each of length dim; empty when none are pinned. */
    List<List<Double>> optima();

    SwitchSpec switching();
}
