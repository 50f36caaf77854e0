package org.driftlab.cluster.sweep;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a sweep submission ended: of {@code total} runs, {@code skipped} were already in the sink,
 * {@code stored} were run and stored now, and {@code failures} (run id → error, in run id order) could not
 * be computed. {@code wallNanos} is the submission's wall time.
 */
public record SweepOutcome(
        String sweepName, int total, int skipped, int stored, Map<String, String> failures, long wallNanos) {
    public SweepOutcome {
        failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    /** True when every run is stored (now or before). */
    public boolean complete() {
        return failures.isEmpty() && skipped + stored == total;
    }
}
