package org.driftlab.core.sim;

import java.util.Arrays;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.spec.RunSpec;

/**
 * Re-runs a BOCPD run in lockstep and records its run-length posterior after every step (DESIGN §6, §10: the
 * run-length heatmap). Deterministic: the run is the one {@link Simulation#run(RunSpec, int)} gives for the
 * same spec (bit-identical metrics, DESIGN §3), observed from inside the {@link BeliefMonitor}.
 */
public final class RunLengthRecorder {
    private RunLengthRecorder() {}

    /**
     * Runs {@code spec} (its belief must be a {@link BocpdSpec}) and returns its posterior in at most
     * {@code maxColumns} ≥ 1 columns: stepsPerColumn = ⌈steps / maxColumns⌉ consecutive steps averaged per column.
     * Allocates columns × (r_max + 1) doubles plus the run's own buffers; the per-step work is O(r_max) with no
     * allocation.
     *
     * @throws IllegalArgumentException when the run's belief is not BOCPD, or {@code maxColumns < 1}
     */
    public static RunLengthPosterior record(RunSpec spec, int maxColumns) {
        if (!(spec.belief() instanceof BocpdSpec)) {
            throw new IllegalArgumentException("run " + spec.runId() + " has no BOCPD belief (belief: "
                    + spec.belief().getClass().getSimpleName() + "): no run-length posterior to record");
        }
        if (maxColumns < 1) throw new IllegalArgumentException("maxColumns must be >= 1, got " + maxColumns);
        int rMax = ((BocpdSpec) spec.belief()).maxRunLength();
        long per = (spec.steps() + maxColumns - 1) / maxColumns;
        int columns = (int) ((spec.steps() + per - 1) / per);
        double[] sums = new double[Math.multiplyExact(columns, rMax + 1)];
        int[] counts = new int[columns];
        double[] buffer = new double[rMax + 1];
        BeliefMonitor monitor = BeliefMonitor.start(spec);
        Bocpd bocpd = (Bocpd) monitor.belief();
        // called right after the belief consumed step t's evidence, before any reset decision: the posterior of x_1:t
        monitor.setObserver((step, map, mean, pChange) -> {
            bocpd.runLengthPosterior(buffer);
            int c = (int) (step / per);
            int base = c * (rMax + 1);
            for (int r = 0; r <= rMax; r++) sums[base + r] += buffer[r];
            counts[c]++;
        });
        RunResult result = Simulation.run(spec, 1, null, monitor);
        for (int c = 0; c < columns; c++) {
            int base = c * (rMax + 1);
            if (counts[c] == 0) {
                Arrays.fill(sums, base, base + rMax + 1, Double.NaN);
            } else if (counts[c] > 1) {
                for (int r = 0; r <= rMax; r++) sums[base + r] /= counts[c];
            }
        }
        return new RunLengthPosterior(
                spec.runId(), spec.steps(), rMax, Math.toIntExact(per), columns, sums, counts, result);
    }
}
