package org.driftlab.core.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweepSpec;
import org.junit.jupiter.api.Test;

/** The memory estimate follows the sizes that drive it, and stays finite at every cap. */
class RunFootprintTest {
    private static RunSpec run(String stream, String belief, String extra) {
        return SweepLoader.parse(
                        """
                steps = 1000
                stream { %s }
                rule { type = adam, lr = 0.05 }
                belief { %s }
                %s
                """
                                .formatted(stream, belief, extra),
                        "f.conf")
                .runs()
                .get(0);
    }

    private static final String QUADRATIC =
            "type = quadratic, dim = 32, gradient-noise = 0.3, switching { type = hazard, hazard = 0.01 }";
    private static final String BOCPD = "type = bocpd, hazard = 0.01";

    @Test
    void eachPartGrowsWithTheSizeThatDrivesIt() {
        RunFootprint base = RunFootprint.of(run(QUADRATIC, BOCPD, ""), 128);
        RunFootprint rotated = RunFootprint.of(run(QUADRATIC + ", rotated = true", BOCPD, ""), 128);
        assertThat(rotated.sharedStream() - base.sharedStream()).isEqualTo(3 * 8.0 * 32 * 32);
        assertThat(RunFootprint.of(run(QUADRATIC, BOCPD + ", r-max = 2560", ""), 128)
                        .belief())
                .isGreaterThan(9 * base.belief());
        assertThat(RunFootprint.of(run(QUADRATIC, BOCPD, ""), 256).chunkBuffers())
                .isEqualTo(2 * base.chunkBuffers());
        assertThat(RunFootprint.of(run(QUADRATIC, BOCPD, "metrics { bins = 100000 }"), 128)
                        .learnerCopies())
                .isGreaterThan(base.learnerCopies() + 5 * 3 * 8.0 * 99_000);
        assertThat(RunFootprint.of(run(QUADRATIC.replace("0.01", "0.1"), BOCPD, ""), 128)
                        .eventLogs())
                .isEqualTo(10 * base.eventLogs());
        assertThat(RunFootprint.of(run(QUADRATIC, "type = none", ""), 128).belief())
                .isZero();
    }

    @Test
    void theLargestConfigWithinEveryCapIsFiniteAndFarBeyondAnyHeap() {
        RunSpec r = run(
                "type = linear-regression, dim = 512, batch = 1000, switching { type = hazard, hazard = 0.5 }",
                "type = bocpd, hazard = 0.01, model = linear-regression, r-max = 1000000",
                "steps = 1000000000000\nmetrics { bins = 100000, aligned-lags = 100000 }");
        RunFootprint f = RunFootprint.of(r, 1 << 20);
        assertThat(f.total()).isFinite().isGreaterThan(1e12);
        SweepSpec sweep = SweepLoader.parse(
                "steps = 10\nseeds = 3\nstream { " + QUADRATIC + " }\nrule { type = sgd, lr = 0.1 }\n"
                        + "sweep { \"stream.dim\" = [4, 64] }\n",
                "s.conf");
        SweepFootprint s = SweepFootprint.of(sweep, 128, 8);
        assertThat(s.perRun())
                .isEqualTo(RunFootprint.of(sweep.runs().get(3), 128).total());
        assertThat(s.perNode()).isEqualTo(8 * s.perRun() + SweepFootprint.NODE_BASE);
        assertThat(s.inOneProcess(3)).isEqualTo(3 * s.perNode() + 6 * SweepFootprint.SPEC_BYTES);
    }
}
