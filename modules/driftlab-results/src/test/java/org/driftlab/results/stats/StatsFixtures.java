package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunResult;
import org.driftlab.results.store.StoredRun;

/** Hand-made stored runs for the statistics tests: one condition per swept value, one run per seed. */
final class StatsFixtures {
    private StatsFixtures() {}

    /**
     * The runs of the condition {@code key = value}: seed s has mean (and mean excess) loss {@code loss[s]}; the
     * run of seed {@code divergedSeed} diverged (none when −1).
     */
    static List<StoredRun> condition(String key, Object value, double[] loss, int divergedSeed) {
        List<StoredRun> out = new ArrayList<>();
        for (int s = 0; s < loss.length; s++) {
            boolean diverged = s == divergedSeed;
            RunMetrics m = new RunMetrics(
                    100,
                    loss[s],
                    loss[s],
                    0,
                    0,
                    0,
                    0,
                    0,
                    Double.NaN,
                    0,
                    0,
                    0,
                    diverged,
                    diverged ? 50 : -1,
                    new double[0],
                    new double[0],
                    new double[0],
                    new long[0],
                    new long[0]);
            String id = "c-" + value;
            out.add(new StoredRun("t", new RunResult(id + "-" + s, id, s, m, 0, "n"), Map.of(key, value)));
        }
        return out;
    }
}
