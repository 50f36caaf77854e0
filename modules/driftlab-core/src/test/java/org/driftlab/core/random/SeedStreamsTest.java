package org.driftlab.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
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

    /** Every kind of draw, so the int cache of the generator gets used too. */
    private static double[] mixedDraws(Rng rng, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0:
                    out[i] = rng.nextGaussian();
                    break;
                case 1:
                    out[i] = rng.nextDouble();
                    break;
                default:
                    out[i] = rng.nextInt(1000);
                    break;
            }
        }
        return out;
    }

    @Test
    void drawsAreThoseOfCommonsRngSeededTheSameWay() {
        long[] seed = {0x9E3779B97F4A7C15L, 42, -7, 123_456_789};
        RestorableUniformRandomProvider reference = RandomSource.XO_SHI_RO_256_PP.create(seed);
        ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(reference);
        Rng rng = new Rng(seed);
        for (int i = 0; i < 3000; i++) {
            switch (i % 3) {
                case 0:
                    assertThat(rng.nextGaussian()).isEqualTo(gaussian.sample());
                    break;
                case 1:
                    assertThat(rng.nextDouble()).isEqualTo(reference.nextDouble());
                    break;
                default:
                    assertThat(rng.nextInt(1000)).isEqualTo(reference.nextInt(1000));
                    break;
            }
        }
    }

    @Test
    void copiedStateContinuesIdenticallyWithOrWithoutIntDraws() {
        // without int draws the four state words are copied directly; after one, through saveState
        Rng a = SeedStreams.of(1, 1).stream(Purpose.NOISE);
        draws(a, 41);
        Rng b = SeedStreams.of(2, 2).stream(Purpose.NOISE);
        mixedDraws(b, 10); // b's int cache holds a half-used output, which the copy must discard
        b.copyStateFrom(a);
        assertThat(mixedDraws(b, 60)).containsExactly(mixedDraws(a, 60));
        Rng c = SeedStreams.of(3, 3).stream(Purpose.NOISE);
        c.copyStateFrom(a); // a now has an odd int cached
        assertThat(mixedDraws(c, 61)).containsExactly(mixedDraws(a, 61));
        Rng d = SeedStreams.of(4, 4).stream(Purpose.NOISE);
        d.copyStateFrom(SeedStreams.of(1, 1).stream(Purpose.NOISE));
        assertThat(draws(d, 30)).containsExactly(draws(SeedStreams.of(1, 1).stream(Purpose.NOISE), 30));
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
