package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSpaceTest {
    @Test
    void expIsExactlyZeroBelowTheUnderflowBoundInterpretedAndCompiled() {
        // 200k calls: the loop is JIT-compiled partway, so the intrinsic stub is checked as well as the fallback
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        double nonZero = 0;
        for (int k = 0; k < 200_000; k++) {
            double x = LogSpace.EXP_UNDERFLOW - rnd.nextDouble() * (k % 2 == 0 ? 1 : 1e4);
            nonZero += Math.exp(x) == 0 ? 0 : 1;
        }
        assertThat(nonZero).isZero();
        assertThat(Math.exp(LogSpace.EXP_UNDERFLOW)).isZero();
        assertThat(Math.exp(-745.0)).isPositive(); // the bound is tight enough to be meaningful
    }

    @Test
    void logSumExpSkippingUnderflowsIsBitIdenticalToTheFullSum() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        double[] v = new double[300];
        for (int rep = 0; rep < 2_000; rep++) {
            int n = 1 + rnd.nextInt(v.length);
            for (int j = 0; j < n; j++) v[j] = -rnd.nextDouble() * (rep % 3 == 0 ? 10 : 3000) + 50;
            if (rep % 7 == 0) v[rnd.nextInt(n)] = Double.NEGATIVE_INFINITY;
            assertThat(LogSpace.logSumExp(v, n)).isEqualTo(naiveLogSumExp(v, n));
        }
        v[0] = 1.0;
        v[1] = Double.NaN;
        v[2] = -5000;
        assertThat(LogSpace.logSumExp(v, 3)).isNaN();
    }

    private static double naiveLogSumExp(double[] v, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) if (v[j] > m) m = v[j];
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) return m;
        double s = 0;
        for (int j = 0; j < n; j++) s += Math.exp(v[j] - m);
        return m + Math.log(s);
    }

    @Test
    void log1pIsBitIdenticalToStrictMath() {
        double[] special = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            -1.0 + 0x1p-53,
            0.41421,
            0.41422,
            0.41423,
            -0.29289,
            -0.2929,
            -0.29291,
            0x1p-29,
            -0x1p-29,
            0x1p-29 * 1.0000001,
            0x1p-54,
            -0x1p-54,
            0x1p-54 * 0.999,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            0x1p53,
            0x1p54,
            0x1p1023,
            Double.MAX_VALUE,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            -2.0,
            1e-300,
            1e300,
            1e-20,
            -1e-20,
            0x1.6a09ep0 - 1,
            0x1.6a09fp0 - 1
        };
        for (double x : special) assertSameBits(x);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2026);
        for (int k = 0; k < 400_000; k++) {
            assertSameBits(Double.longBitsToDouble(rnd.nextLong())); // any bit pattern
            assertSameBits(Math.scalb(rnd.nextDouble(), rnd.nextInt(-60, 60))); // positive, all scales
            assertSameBits(-rnd.nextDouble()); // (−1, 0]
            assertSameBits(-Math.scalb(rnd.nextDouble(), rnd.nextInt(-60, 0))); // small negative
            assertSameBits(rnd.nextDouble(-0.3, 0.42)); // the k = 0 range
        }
    }

    private static void assertSameBits(double x) {
        double expected = StrictMath.log1p(x);
        double actual = LogSpace.log1p(x);
        if (Double.doubleToLongBits(Math.log1p(x)) != Double.doubleToLongBits(expected)) {
            throw new AssertionError(
                    "Math.log1p differs from StrictMath.log1p at " + Double.toHexString(x)); // the code it replaced
        }
        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(expected)) {
            throw new AssertionError("log1p(" + x + " = " + Double.toHexString(x) + "): " + Double.toHexString(actual)
                    + " but StrictMath gives " + Double.toHexString(expected));
        }
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(LogSpace.logGamma(1)).isCloseTo(0, within(1e-15));
        assertThat(LogSpace.logGamma(2)).isCloseTo(0, within(1e-15));
        assertThat(LogSpace.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(LogSpace.logGamma(1.5)).isCloseTo(Math.log(0.5 * Math.sqrt(Math.PI)), within(1e-14));
        double factorial = 1;
        for (int n = 2; n <= 30; n++) {
            factorial *= n - 1;
            assertThat(LogSpace.logGamma(n))
                    .as("log (%d − 1)!", n)
                    .isCloseTo(Math.log(factorial), within(1e-13 * Math.log(factorial) + 1e-14));
        }
        // Γ(x + 1) = x Γ(x) across the Lanczos range, including small arguments
        for (double x = 0.05; x < 200; x *= 1.37) {
            assertThat(LogSpace.logGamma(x + 1) - LogSpace.logGamma(x))
                    .as("x = %s", x)
                    .isCloseTo(Math.log(x), within(1e-12 * (1 + Math.abs(Math.log(x)))));
        }
        assertThat(LogSpace.logGamma(0)).isNaN();
    }

    @Test
    void logSumExpHandlesInfinitiesAndLargeValues() {
        assertThat(LogSpace.logSumExp(new double[] {1000, 1000}, 2)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogSpace.logSumExp(new double[] {Double.NEGATIVE_INFINITY, -3}, 2))
                .isEqualTo(-3);
        assertThat(LogSpace.logSumExp(new double[] {5}, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logAddExp(Double.NEGATIVE_INFINITY, 2)).isEqualTo(2);
        assertThat(LogSpace.logAddExp(Math.log(0.25), Math.log(0.5))).isCloseTo(Math.log(0.75), within(1e-15));
    }
}
