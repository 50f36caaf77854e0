package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSpaceTest {
    @Test
    void logGammaMatchesKnownValues() {
        assertThat(LogSpace.logGamma(1)).isCloseTo(0, within(1e-15));
        assertThat(LogSpace.logGamma(2)).isCloseTo(0, within(1e-15));
        assertThat(LogSpace.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(LogSpace.logGamma(1.5)).isCloseTo(Math.log(0.5 * Math.sqrt(Math.PI)), within(1e-14));
        double factorial = 1;
        for (int n = 2; n <= 30; n++) {
            factorial *= n - 1;
            assertThat(LogSpace.logGamma(n)).as("log (%d − 1)!", n).isCloseTo(Math.log(factorial), within(1e-13 * Math.log(factorial) + 1e-14));
        }
        // Γ(x + 1) = x Γ(x) across the Lanczos range, including small arguments
        for (double x = 0.05; x < 200; x *= 1.37) {
            assertThat(LogSpace.logGamma(x + 1) - LogSpace.logGamma(x)).as("x = %s", x).isCloseTo(Math.log(x), within(1e-12 * (1 + Math.abs(Math.log(x)))));
        }
        assertThat(LogSpace.logGamma(0)).isNaN();
    }

    @Test
    void logSumExpHandlesInfinitiesAndLargeValues() {
        assertThat(LogSpace.logSumExp(new double[] {1000, 1000}, 2)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogSpace.logSumExp(new double[] {Double.NEGATIVE_INFINITY, -3}, 2)).isEqualTo(-3);
        assertThat(LogSpace.logSumExp(new double[] {5}, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSpace.logAddExp(Double.NEGATIVE_INFINITY, 2)).isEqualTo(2);
        assertThat(LogSpace.logAddExp(Math.log(0.25), Math.log(0.5))).isCloseTo(Math.log(0.75), within(1e-15));
    }
}
