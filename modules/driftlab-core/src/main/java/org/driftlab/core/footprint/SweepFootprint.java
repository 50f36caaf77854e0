package org.driftlab.core.footprint;

import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * An upper estimate of the heap a sweep needs, in bytes (docs/SCALE.md): per worker node, its in-flight
 * window of runs, each taken at the largest {@link RunFootprint} of the sweep's conditions, plus what a node
 * holds whatever it runs; and on the submitting side the list of run specs.
 *
 * @param perRun   the largest run's estimate
 * @param perNode  {@code inFlightPerNode × perRun + NODE_BASE}
 * @param specList the submitter's run specs
 */
public record SweepFootprint(double perRun, double perNode, double specList) {
    /**
     * A node's own live heap (actor system, shard region, coordinator, dispatchers), in bytes: an upper bound with
     * headroom over the figure measured in docs/SCALE.md.
     */
    public static final double NODE_BASE = 32.0 * 1024 * 1024;
    /** One run spec in the submitter's list, in bytes: an upper bound over the figure measured in docs/SCALE.md. */
    public static final double SPEC_BYTES = 1024;

    /** The estimate for {@code sweep} with chunks of {@code chunkSize} steps and {@code inFlightPerNode} runs in flight per node. */
    public static SweepFootprint of(SweepSpec sweep, int chunkSize, int inFlightPerNode) {
        double largest = 0;
        String condition = null;
        for (RunSpec run : sweep.runs()) { // runs of a condition are adjacent: one estimate per condition
            if (run.conditionId().equals(condition)) continue;
            condition = run.conditionId();
            largest = Math.max(largest, RunFootprint.of(run, chunkSize).total());
        }
        return new SweepFootprint(
                largest,
                inFlightPerNode * largest + NODE_BASE,
                SPEC_BYTES * sweep.runs().size());
    }

    /** What {@code nodes} worker nodes in one process need together, with the spec list. */
    public double inOneProcess(int nodes) {
        return nodes * perNode + specList;
    }
}
