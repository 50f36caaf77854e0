package org.driftlab.core.sim;

import java.util.Arrays;

/**
 * The BOCPD run-length posterior P(r_t = r | x_1:t) (DESIGN §6) of one re-simulated run, step by step, kept in
 * {@code columns} columns of {@code stepsPerColumn} consecutive steps each: column c covers steps
 * c·stepsPerColumn … min((c+1)·stepsPerColumn, steps) − 1 and holds the mean of those steps' posteriors over
 * the steps the belief consumed ({@code counts[c]} of them; 0 after a divergence, and then the column is NaN).
 * Row r = 0 … rMax of a column is P(r_t = r) (row rMax is P(r_t ≥ rMax); pruned run lengths are 0, so a column
 * sums to 1 minus the pruned mass). {@code result} is the run's result, for checking that the re-simulation
 * reproduces the stored run; its metrics carry the true switch and reset steps.
 *
 * <p>{@code posterior} is row-major by column: {@code posterior[c·(rMax+1) + r]}, length columns·(rMax+1).
 * Arrays are hand-offs: nobody modifies them after construction.
 */
public record RunLengthPosterior(
        String runId,
        long steps,
        int rMax,
        int stepsPerColumn,
        int columns,
        double[] posterior,
        int[] counts,
        RunResult result) {
    public RunLengthPosterior {
        if (rMax < 1) throw new IllegalArgumentException("rMax must be >= 1, got " + rMax);
        if (stepsPerColumn < 1)
            throw new IllegalArgumentException("stepsPerColumn must be >= 1, got " + stepsPerColumn);
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        if ((long) columns * stepsPerColumn < steps || (long) (columns - 1) * stepsPerColumn >= steps) {
            throw new IllegalArgumentException(
                    columns + " columns of " + stepsPerColumn + " steps do not tile " + steps + " steps");
        }
        if (posterior.length != (long) columns * (rMax + 1)) {
            throw new IllegalArgumentException("posterior must have columns x (rMax+1) = " + (long) columns * (rMax + 1)
                    + " entries, got " + posterior.length);
        }
        if (counts.length != columns)
            throw new IllegalArgumentException("counts must have " + columns + " entries, got " + counts.length);
    }

    /** P(r = {@code r}) in column {@code column} (mean over its steps). */
    public double at(int column, int r) {
        return posterior[column * (rMax + 1) + r];
    }

    /** A copy of column {@code column}'s rMax + 1 probabilities. */
    public double[] column(int column) {
        int from = column * (rMax + 1);
        return Arrays.copyOfRange(posterior, from, from + rMax + 1);
    }

    /** The first step column {@code column} covers. */
    public long firstStep(int column) {
        return (long) column * stepsPerColumn;
    }
}
