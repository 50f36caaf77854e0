package org.driftlab.cluster.sweep;

/**
 * A snapshot of a sweep's progress. {@code done} counts runs skipped (already stored), stored and failed,
 * out of {@code total}; {@code learnerSteps} the steps of the runs stored by this submission, and
 * {@code learnerStepsPerSecond} their rate since it began; {@code nodesUp} the worker nodes the coordinator
 * dispatches to.
 */
public record Progress(
        int done, int total, int skipped, int failed, long learnerSteps, double learnerStepsPerSecond, int nodesUp) {}
