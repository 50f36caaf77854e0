package org.driftlab.cluster.sweep;

/**
 * A snapshot of a sweep's progress. {@code done} counts runs skipped (already stored), stored and failed,
 * out of {@code total}; {@code learnerSteps} the learner-steps this submission has done so far (every step of
 * each run it stored or saw fail, and the steps reported by its runs under way), out of {@code learnerStepsTotal}
 * (the steps of all the runs it submitted), and {@code learnerStepsPerSecond} their rate since it began;
 * {@code nodesUp} the worker nodes the coordinator dispatches to.
 */
public record Progress(
        int done,
        int total,
        int skipped,
        int failed,
        long learnerSteps,
        long learnerStepsTotal,
        double learnerStepsPerSecond,
        int nodesUp) {

    /** The share of this submission's learner-steps done, in [0, 1]; NaN when it submitted none. */
    public double stepFraction() {
        return learnerStepsTotal == 0 ? Double.NaN : (double) learnerSteps / learnerStepsTotal;
    }
}
