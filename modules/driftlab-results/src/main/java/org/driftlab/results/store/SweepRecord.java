package org.driftlab.results.store;

import java.time.Instant;
import java.util.List;

/** A row of {@code sweeps}: a sweep as begun on the store (config text, tool version, time, swept keys). */
public record SweepRecord(String name, String configSha256, String configText, String version, Instant createdAt,
                          List<String> sweptKeys, int plannedRuns) {
    public SweepRecord {
        sweptKeys = List.copyOf(sweptKeys);
    }
}
