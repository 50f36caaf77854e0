package org.driftlab.core.sim;

import org.driftlab.core.check.Require;
import org.driftlab.core.metrics.RunMetrics;

/**
 * The outcome of one run. {@code metrics} is deterministic (DESIGN §3); {@code wallNanos} and {@code node}
 * (where it ran) are not, and are excluded from determinism checks.
 */
public record RunResult(String runId, String conditionId, int seed, RunMetrics metrics, long wallNanos, String node) {
    public RunResult {
        Require.nonNull("runId", runId);
        Require.nonNull("conditionId", conditionId);
        Require.nonNull("metrics", metrics);
        Require.nonNull("node", node);
    }

    /** The same result attributed to {@code otherNode}. */
    public RunResult withNode(String otherNode) {
        return new RunResult(runId, conditionId, seed, metrics, wallNanos, otherNode);
    }
}
