package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The basis changes are bit-identical to the one-column-at-a-time loops they replaced (four columns are swept
 * together for speed; each output keeps its summation order). The reference loops are written out here.
 */
class HessianTest {
    @Test
    void basisChangesAreBitIdenticalToColumnLoops() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 32, 33, 128}) {
            for (int trial = 0; trial < 5; trial++) {
                double[] lambda = new double[n];
                double[][] cols = new double[n][n];
                DoubleMatrix q = new DoubleMatrix(n, n);
                for (int i = 0; i < n; i++) lambda[i] = 0.1 + rnd.nextDouble();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) q.put(i, j, rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
                }
                Hessian h = Hessian.rotated(lambda, q);
                double[] x = new double[n];
                for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
                double[] out = new double[n];
                h.toEigenbasis(x, out);
                assertThat(java.util.Arrays.equals(out, referenceToEigenbasis(q, x)))
                        .as("Qᵀx, n = %d", n)
                        .isTrue();
                h.fromEigenbasis(x, out);
                assertThat(java.util.Arrays.equals(out, referenceFromEigenbasis(q, x)))
                        .as("Qy, n = %d", n)
                        .isTrue();
                h.multiply(x, out);
                double[] t = referenceToEigenbasis(q, x);
                for (int j = 0; j < n; j++) t[j] *= lambda[j];
                assertThat(java.util.Arrays.equals(out, referenceFromEigenbasis(q, t)))
                        .as("Hx, n = %d", n)
                        .isTrue();
            }
        }
    }

    // the loops as first written: one dot product per column; one axpy per column
    private static double[] referenceToEigenbasis(DoubleMatrix q, double[] x) {
        int n = x.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += q.data[j * n + i] * x[i];
            out[j] = s;
        }
        return out;
    }

    private static double[] referenceFromEigenbasis(DoubleMatrix q, double[] y) {
        int n = y.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) out[i] += q.data[j * n + i] * y[j];
        }
        return out;
    }
}
