package org.driftlab.results.store;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code sweeps}: a sweep as begun on the store (config text, tool version, time, swept keys, runs
 * planned), with the runs of its name stored so far and their conditions. Sweeps sharing a name (a config
 * edited between runs) share those counts.
 */
public record SweepRecord(
        String name,
        String configSha256,
        String configText,
        String version,
        Instant createdAt,
        List<String> sweptKeys,
        int plannedRuns,
        int storedRuns,
        int storedConditions) {
    public SweepRecord {
        sweptKeys = List.copyOf(sweptKeys);
    }
}
