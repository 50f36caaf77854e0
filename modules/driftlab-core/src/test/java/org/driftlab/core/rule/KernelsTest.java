package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.jblas.DoubleMatrix;
import org.jblas.Eigen;
import org.jblas.Solve;
import org.junit.jupiter.api.Test;

/** {@link Cholesky} and {@link SymmetricEigen} against jblas (LAPACK) on seeded random SPD matrices. */
final class KernelsTest {
    /** A = B Bᵀ + 0.1 I, B Gaussian: symmetric positive-definite. */
    private static DoubleMatrix randomSpd(int n, Rng rng) {
        DoubleMatrix b = new DoubleMatrix(n, n);
        for (int i = 0; i < n * n; i++) b.put(i, rng.nextGaussian());
        return b.mmul(b.transpose()).add(DoubleMatrix.eye(n).mul(0.1));
    }

    private static double[] rowMajor(DoubleMatrix a) {
        return a.transpose().toArray(); // jblas is column-major
    }

    @Test
    void choleskySolveMatchesLapack() {
        Rng rng = SeedStreams.of(5, 1).stream(Purpose.NOISE);
        for (int n : new int[] {1, 2, 5, 12}) {
            DoubleMatrix a = randomSpd(n, rng);
            DoubleMatrix b = new DoubleMatrix(n);
            for (int i = 0; i < n; i++) b.put(i, rng.nextGaussian());
            double[] l = rowMajor(a);
            assertThat(Cholesky.decompose(l, n)).isTrue();
            double[] x = new double[n];
            Cholesky.solve(l, n, b.toArray(), x);
            double[] expected = Solve.solvePositive(a, b).toArray();
            for (int i = 0; i < n; i++)
                assertThat(x[i]).isCloseTo(expected[i], within(1e-9 * (1 + Math.abs(expected[i]))));
        }
    }

    @Test
    void choleskyReportsIndefiniteAndNaN() {
        assertThat(Cholesky.decompose(new double[] {1, 2, 2, 1}, 2)).isFalse();
        assertThat(Cholesky.decompose(new double[] {0}, 1)).isFalse();
        assertThat(Cholesky.decompose(new double[] {Double.NaN}, 1)).isFalse();
    }

    @Test
    void jacobiReconstructsAndMatchesLapackEigenvalues() {
        Rng rng = SeedStreams.of(6, 1).stream(Purpose.NOISE);
        for (int n : new int[] {1, 2, 4, 9}) {
            DoubleMatrix a = randomSpd(n, rng);
            double[] work = rowMajor(a);
            double[] u = new double[n * n];
            double[] values = new double[n];
            assertThat(SymmetricEigen.decompose(work, n, u, values)).isTrue();
            DoubleMatrix um = new DoubleMatrix(n, n, u).transpose(); // back to column-major
            DoubleMatrix rebuilt =
                    um.mmul(DoubleMatrix.diag(new DoubleMatrix(values))).mmul(um.transpose());
            assertThat(rebuilt.sub(a).normmax()).isLessThan(1e-12 * a.normmax());
            assertThat(um.transpose().mmul(um).sub(DoubleMatrix.eye(n)).normmax())
                    .isLessThan(1e-13);
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double[] lapack = Eigen.symmetricEigenvalues(a).toArray();
            java.util.Arrays.sort(lapack);
            for (int i = 0; i < n; i++) assertThat(sorted[i]).isCloseTo(lapack[i], within(1e-12 * a.normmax()));
        }
    }

    @Test
    void jacobiReportsNaN() {
        double[] a = {1, Double.NaN, Double.NaN, 1};
        assertThat(SymmetricEigen.decompose(a, 2, new double[4], new double[2])).isFalse();
    }
}
