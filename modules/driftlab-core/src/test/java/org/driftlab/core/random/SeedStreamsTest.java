package org.driftlab.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedStreamsTest {
    private static double[] draws(Rng rng, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = i % 2 == 0 ? rng.nextGaussian() : rng.nextDouble();
        return out;
    }

    @Test
    void sameKeyGivesSameStream() {
        assertThat(draws(SeedStreams.of(7, 3).stream(Purpose.NOISE), 100))
                .containsExactly(draws(SeedStreams.of(7, 3).stream(Purpose.NOISE), 100));
    }

    @Test
    void purposesSeedsAndMasterSeedsGiveDifferentStreams() {
        double[] base = draws(SeedStreams.of(7, 3).stream(Purpose.NOISE), 10);
        assertThat(draws(SeedStreams.of(7, 3).stream(Purpose.TASKS), 10)).isNotEqualTo(base);
        assertThat(draws(SeedStreams.of(7, 4).stream(Purpose.NOISE), 10)).isNotEqualTo(base);
        assertThat(draws(SeedStreams.of(8, 3).stream(Purpose.NOISE), 10)).isNotEqualTo(base);
    }

    @Test
    void copiedStateContinuesIdentically() {
        Rng a = SeedStreams.of(1, 1).stream(Purpose.POLICY);
        draws(a, 37);
        Rng b = SeedStreams.of(99, 99).stream(Purpose.POLICY);
        b.copyStateFrom(a);
        assertThat(draws(b, 50)).containsExactly(draws(a, 50));
    }

    @Test
    void gaussianDrawsHaveUnitMoments() {
        Rng rng = SeedStreams.of(5, 0).stream(Purpose.NOISE);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = rng.nextGaussian();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        // 5 standard errors: mean's se is 1/sqrt(n), variance's about sqrt(2/n)
        assertThat(mean).isBetween(-5 / Math.sqrt(n), 5 / Math.sqrt(n));
        assertThat(sumSq / n - mean * mean).isBetween(1 - 5 * Math.sqrt(2.0 / n), 1 + 5 * Math.sqrt(2.0 / n));
    }
}
