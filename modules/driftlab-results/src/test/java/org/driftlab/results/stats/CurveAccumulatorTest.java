package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurveAccumulatorTest {
    @Test
    void eachIndexSummarisesTheCurvesThatReachIt() {
        CurveSummary s = new CurveAccumulator()
                .add(new double[] {1, 10, 100})
                .merge(new CurveAccumulator().add(new double[] {3, 20}).add(new double[] {2, Double.NaN, 7}))
                .summary();
        assertThat(s.length()).isEqualTo(3);
        assertThat(s.n()).containsExactly(3, 2, 2);
        assertThat(s.mean()[0]).isCloseTo(2.0, within(1e-15));
        // index 0: values 1, 2, 3: sd 1, se 1/sqrt(3), t(0.975, 2) = 4.302652730
        assertThat(s.ciHigh()[0]).isCloseTo(2 + 4.302652730 / Math.sqrt(3), within(1e-8));
        assertThat(s.mean()[1]).isCloseTo(15.0, within(1e-15));
        assertThat(s.mean()[2]).isCloseTo(53.5, within(1e-15));
    }

    @Test
    void aSingleCurveHasAMeanButNoBand() {
        CurveSummary s = new CurveAccumulator().add(new double[] {4, 5}).summary();
        assertThat(s.mean()).containsExactly(4, 5);
        assertThat(s.ciLow()[0]).isNaN();
        assertThat(s.ciHigh()[1]).isNaN();
    }
}
