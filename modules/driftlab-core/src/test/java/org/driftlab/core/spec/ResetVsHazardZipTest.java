package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * configs/reset-vs-hazard/{periodic,ideal-observer}.conf, which link each hazard to its period or observer hazard
 * with a zip, have exactly the runs of the twelve one-hazard files they replaced (same run ids, specs and order),
 * so a store begun with the old files resumes with the new ones. The old files are rebuilt here from the base
 * config and their sweep, and shown to be the old files by their pinned run ids.
 */
class ResetVsHazardZipTest {
    /** The replaced files: T = 1/ρ for each swept hazard ρ. */
    static final Map<Integer, String> HAZARD_OF_PERIOD =
            Map.of(2000, "0.0005", 1000, "0.001", 500, "0.002", 200, "0.005", 100, "0.01", 50, "0.02");

    static final List<String> REPLACED = HAZARD_OF_PERIOD.keySet().stream()
            .flatMap(t ->
                    List.of("reset-vs-hazard/periodic-" + t + ".conf", "reset-vs-hazard/ideal-observer-" + t + ".conf")
                            .stream())
            .toList();

    @Test
    void periodicZipHasTheRunsOfTheSixPeriodicFiles() throws IOException {
        assertSameRuns(
                "periodic",
                t ->
                        """
                sweep {
                  stream.switching.hazard = [%s]
                  stream.gradient-noise = [0.1, 0.5, 2]
                  rule = [
                    { type = sgd, lr = 0.1 }
                    { type = adam, lr = 0.1 }
                    { type = optimal-control, gamma = 10, source = observed }
                  ]
                  reset = [{ type = periodic, period = %d, target = prior-mean }]
                }
                """
                                .formatted(HAZARD_OF_PERIOD.get(t), t));
    }

    @Test
    void idealObserverZipHasTheRunsOfTheSixIdealObserverFiles() throws IOException {
        assertSameRuns(
                "ideal-observer",
                t ->
                        """
                sweep {
                  stream.switching.hazard = [%1$s]
                  stream.gradient-noise = [0.1, 0.5, 2]
                  rule = [{ type = ideal-observer, hazard = %1$s, r-max = 256 }]
                  reset = [none]
                }
                """
                                .formatted(HAZARD_OF_PERIOD.get(t)));
    }

    private static void assertSameRuns(String kind, java.util.function.IntFunction<String> oldSweep)
            throws IOException {
        String base = Files.readString(ExampleConfigsTest.CONFIGS.resolve("reset-vs-hazard.conf"));
        Map<String, PinnedRunIdsTest.Pin> pins = PinnedRunIdsTest.pins();
        List<RunSpec> old = new ArrayList<>();
        List<Integer> periods = HAZARD_OF_PERIOD.keySet().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        for (int t : periods) { // from the smallest hazard up
            String path = "reset-vs-hazard/" + kind + "-" + t + ".conf";
            // what `include "../reset-vs-hazard.conf"` followed by the old file's own lines reads as
            SweepSpec file = SweepLoader.parse(base + "\nsweep = null\nbelief = none\n" + oldSweep.apply(t), path);
            assertThat(PinnedRunIdsTest.digest(file))
                    .as("rebuilt " + path)
                    .isEqualTo(pins.get(path).digest());
            old.addAll(file.runs());
        }
        SweepSpec zipped = SweepLoader.load(ExampleConfigsTest.CONFIGS.resolve("reset-vs-hazard/" + kind + ".conf"));
        assertThat(zipped.name()).isEqualTo("reset-vs-hazard");
        assertThat(zipped.runs().stream()
                        .map(ResetVsHazardZipTest::withSortedParams)
                        .toList())
                .isEqualTo(
                        old.stream().map(ResetVsHazardZipTest::withSortedParams).toList());
    }

    /** The run with its swept values in key order (a zip lists its keys together; the store keys them by name). */
    private static RunSpec withSortedParams(RunSpec r) {
        List<SweptValue> params = r.params().stream()
                .sorted(Comparator.comparing(SweptValue::key))
                .toList();
        return new RunSpec(
                r.runId(),
                r.conditionId(),
                r.seed(),
                r.masterSeed(),
                r.steps(),
                r.dt(),
                r.stream(),
                r.rule(),
                r.belief(),
                r.reset(),
                r.metrics(),
                params);
    }
}
