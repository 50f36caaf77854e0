package org.driftlab.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccumulatorTest {
    @Test
    void fiveKnownValuesGiveTheHandComputedInterval() {
        Summary s = of(1, 2, 3, 4, 10);
        // t(0.975, 4) = 2.776445105 (tables); sd = sqrt(50/4); se = sd/sqrt(5)
        assertThat(Summary.tQuantile975(4)).isCloseTo(2.776445105, within(1e-9));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isCloseTo(4.0, within(1e-15));
        assertThat(s.sd()).isCloseTo(3.5355339059327378, within(1e-14));
        assertThat(s.se()).isCloseTo(1.5811388300841895, within(1e-14));
        assertThat(s.ciLow()).isCloseTo(-0.3899451654254218, within(1e-9));
        assertThat(s.ciHigh()).isCloseTo(8.389945165425422, within(1e-9));
        assertThat(s.median()).isEqualTo(3.0);
    }

    @Test
    void anEvenCountTakesTheMiddleMeanAndNaNIsUndefined() {
        Summary s = of(8, Double.NaN, 2, 4, 4);
        // t(0.975, 3) = 3.182446305 (tables)
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.undefined()).isEqualTo(1);
        assertThat(s.mean()).isCloseTo(4.5, within(1e-15));
        assertThat(s.sd()).isCloseTo(2.516611478423583, within(1e-14));
        assertThat(s.ciLow()).isCloseTo(0.4955095493274504, within(1e-9));
        assertThat(s.ciHigh()).isCloseTo(8.504490450672549, within(1e-9));
        assertThat(s.median()).isEqualTo(4.0);
    }

    @Test
    void fewValuesLeaveUndefinedFieldsNaN() {
        Summary one = of(3.5);
        assertThat(one.mean()).isEqualTo(3.5);
        assertThat(one.median()).isEqualTo(3.5);
        assertThat(one.sd()).isNaN();
        assertThat(one.ciLow()).isNaN();
        Summary none = of(Double.NaN);
        assertThat(none.n()).isZero();
        assertThat(none.undefined()).isEqualTo(1);
        assertThat(none.mean()).isNaN();
        assertThat(none.median()).isNaN();
    }

    @Test
    void anySplitMergedInAnyOrderGivesTheSameNumbers() {
        Random rnd = new Random(20261128L);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(300);
            double offset = rnd.nextInt(3) == 0 ? 1e6 : 0; // large offsets stress the variance update
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < n; i++) values.add(offset + rnd.nextGaussian() * (1 + rnd.nextInt(10)));
            Summary whole = of(values);

            int parts = 1 + rnd.nextInt(8);
            List<Accumulator> nodes = new ArrayList<>();
            for (int p = 0; p < parts; p++) nodes.add(new Accumulator());
            List<Double> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, rnd);
            for (double v : shuffled) nodes.get(rnd.nextInt(parts)).add(v);
            Collections.shuffle(nodes, rnd);
            Accumulator merged = new Accumulator();
            // merge as a random tree: sometimes fold into a partial, sometimes into the total
            while (!nodes.isEmpty()) {
                Accumulator next = nodes.remove(nodes.size() - 1);
                if (!nodes.isEmpty() && rnd.nextBoolean())
                    nodes.get(rnd.nextInt(nodes.size())).merge(next);
                else merged.merge(next);
            }
            // required: equal to 1e-12; delivered: bit-identical (records compare doubles bitwise)
            assertThat(merged.summary()).isEqualTo(whole);
            assertClose(merged.summary().sd(), exactSd(values));
            assertClose(whole.mean(), exactMean(values));
        }
    }

    private static double exactMean(List<Double> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) sum = sum.add(new BigDecimal(v));
        return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128)
                .doubleValue();
    }

    private static double exactSd(List<Double> values) {
        if (values.size() < 2) return Double.NaN;
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) sum = sum.add(new BigDecimal(v));
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
        BigDecimal m2 = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            m2 = m2.add(d.multiply(d));
        }
        return Math.sqrt(m2.divide(BigDecimal.valueOf(values.size() - 1L), MathContext.DECIMAL128)
                .doubleValue());
    }

    @Test
    void mergingLeavesTheOtherAccumulatorUnchanged() {
        Accumulator a = new Accumulator().add(1).add(2);
        Accumulator b = new Accumulator().add(10).add(Double.NaN);
        Summary before = b.summary();
        a.merge(b);
        assertThat(b.summary()).isEqualTo(before);
        assertThat(a.summary().n()).isEqualTo(3);
        assertThat(a.summary().undefined()).isEqualTo(1);
    }

    private static void assertClose(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
            return;
        }
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    private static Summary of(double... values) {
        Accumulator a = new Accumulator();
        for (double v : values) a.add(v);
        return a.summary();
    }

    private static Summary of(List<Double> values) {
        Accumulator a = new Accumulator();
        for (double v : values) a.add(v);
        return a.summary();
    }
}
