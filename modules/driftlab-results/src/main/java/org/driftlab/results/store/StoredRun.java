package org.driftlab.results.store;

import java.util.Map;
import org.driftlab.core.sim.RunResult;

/**
 * One stored run as read back: the sweep it was stored under, its result (metrics and curves as written;
 * {@code wallNanos} to the nanosecond below ~50 days) and its swept parameter values by key, each a
 * {@link Double} (numeric column) or a {@link String} (text column); keys the run had no value for are absent.
 * {@code params} iterates in column position order and is unmodifiable.
 */
public record StoredRun(String sweep, RunResult result, Map<String, Object> params) {
    public StoredRun {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** "ok" or "diverged". */
    public String status() {
        return result.metrics().diverged() ? "diverged" : "ok";
    }
}
