package org.driftlab.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.jblas.DoubleMatrix;
import org.jblas.Singular;
import org.junit.jupiter.api.Test;

class PlasticityMetricsTest {
    private static double erank(double[][] rows) {
        int r = rows.length;
        int c = rows[0].length;
        double[] a = new double[r * c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) a[i + j * r] = rows[i][j];
        return EffectiveRank.of(a, r, c, new double[c]);
    }

    @Test
    void effectiveRankOfKnownMatrices() {
        for (int n : new int[] {1, 2, 5, 9}) {
            double[][] id = new double[n][n];
            for (int i = 0; i < n; i++) id[i][i] = 1;
            assertThat(erank(id)).as("identity %d", n).isCloseTo(n, within(1e-12));
        }
        // rank one: an outer product u vᵀ
        double[][] r1 = new double[7][4];
        double[] u = {1, -2, 0.5, 3, 0, 1, -1};
        double[] v = {0.3, 2, -1, 0.7};
        for (int i = 0; i < 7; i++) for (int j = 0; j < 4; j++) r1[i][j] = u[i] * v[j];
        assertThat(erank(r1)).isCloseTo(1.0, within(1e-7));
        // singular values (3, 1): p = (¾, ¼), erank = exp(−¾ ln ¾ − ¼ ln ¼)
        double expected = Math.exp(-0.75 * Math.log(0.75) - 0.25 * Math.log(0.25));
        assertThat(erank(new double[][] {{0, 3}, {1, 0}, {0, 0}})).isCloseTo(expected, within(1e-12));
        assertThat(erank(new double[][] {{0, 0}, {0, 0}})).isZero();
    }

    @Test
    void singularValuesAgreeWithLapack() {
        Rng rng = SeedStreams.of(4, 4).stream("m");
        int rows = 40;
        int cols = 6;
        DoubleMatrix m = new DoubleMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = rng.nextGaussian();
        // make it nearly rank-deficient: column 5 = column 0 + tiny noise
        for (int i = 0; i < rows; i++) m.put(i, 5, m.get(i, 0) + 1e-9 * rng.nextGaussian());
        double[] sigma = new double[cols];
        EffectiveRank.singularValues(m.data.clone(), rows, cols, sigma);
        java.util.Arrays.sort(sigma);
        double[] lapack = Singular.SVDValues(m).data.clone();
        java.util.Arrays.sort(lapack);
        for (int k = 0; k < cols; k++) assertThat(sigma[k]).isCloseTo(lapack[k], within(1e-12 * lapack[cols - 1]));
    }

    @Test
    void deadUnitsAreThoseZeroOnEveryKeptExample() {
        // 3 units, window 4, 12 steps in 3 bins (ends after steps 3, 7, 11)
        PlasticityProbe probe = new PlasticityProbe(3, 4, 3, 12);
        double[][] h = {
            {1, 0, 2}, {0, 0, 0}, {2, 0, 0}, {1, 0, 0}, // bin 0: unit 1 dead; unit 2 alive (step 0)
            {0, 0, 0}, {3, 0, 0}, {1, 0, 0}, {1, 0, 0}, // bin 1: step 0 left the window → units 1, 2 dead
            {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}
        }; // bin 2: all dead
        for (int t = 0; t < 12; t++) probe.record(t, h[t]);
        double[] dead = probe.deadFractionCurve();
        assertThat(dead).containsExactly(1.0 / 3, 2.0 / 3, 1.0);
        double[] erank = probe.effectiveRankCurve();
        assertThat(erank[0]).isGreaterThan(1.0).isLessThan(2.0); // two live units, not proportional
        assertThat(erank[1]).isCloseTo(1.0, within(1e-12)); // one live unit: rank one
        assertThat(erank[2]).isZero(); // the zero matrix
    }

    @Test
    void accumulatorCarriesTheCurvesAndIncompleteBinsAreNaN() {
        MetricsSpec spec = new MetricsSpec(4, 2, 5, 0.0, 1.0, 1.0);
        RunAccumulator acc = new RunAccumulator(spec, 8, 1.0, 2, 3);
        for (int t = 0; t < 5; t++) {
            acc.recordStep(t, 1.0, 1.0, 0.0);
            acc.recordHidden(t, new double[] {t, 0});
        }
        RunAccumulator twin = new RunAccumulator(spec, 8, 1.0, 2, 3);
        twin.copyStateFrom(acc);
        RunMetrics m = acc.finish(0.0);
        assertThat(m.effectiveRank()).hasSize(4);
        assertThat(m.deadFraction()).containsExactly(1.0 / 2, 1.0 / 2, Double.NaN, Double.NaN);
        assertThat(m.effectiveRank()[0]).isEqualTo(1.0);
        assertThat(twin.finish(0.0)).isEqualTo(m);
        RunMetrics plain = new RunAccumulator(spec, 8, 1.0).finish(0.0);
        assertThat(plain.effectiveRank()).isEmpty();
        assertThat(plain.deadFraction()).isEmpty();
    }
}
