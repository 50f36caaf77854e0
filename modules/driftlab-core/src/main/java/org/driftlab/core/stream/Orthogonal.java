package org.driftlab.core.stream;

import org.driftlab.core.random.Rng;
import org.jblas.DoubleMatrix;

/** Random orthogonal matrices (the rotation of a dense quadratic task's Hessian, DESIGN §4). */
public final class Orthogonal {
    private Orthogonal() {}

    /**
     * A d×d orthogonal matrix distributed by the Haar measure: the Q factor of the QR decomposition of a
     * matrix of independent N(0, 1) draws (filled column by column from {@code rng}), with the sign of
     * each column fixed so that R's diagonal is positive (without the fix Q is not Haar-distributed).
     *
     * <p>The decomposition is a Householder QR in plain Java rather than LAPACK through jblas: its loops
     * run in a fixed order under Java's strict floating point, so Q is bit-identical on every machine,
     * whereas a native LAPACK may pick CPU-specific kernels and differ in the last bits between nodes
     * (DESIGN §3). About (8/3)d³ flops; allocates; meant to run once per learner. {@code rng} advances by d².
     */
    public static DoubleMatrix random(int d, Rng rng) {
        if (d <= 0) throw new IllegalArgumentException("dim must be > 0, got " + d);
        double[] a = new double[d * d]; // column-major: A[i][j] = a[i + j·d]
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
        double[] beta = new double[d];
        double[] rDiag = new double[d];
        for (int k = 0; k < d; k++) {
            int col = k * d;
            double normSq = 0;
            for (int i = k; i < d; i++) normSq += a[col + i] * a[col + i];
            double x0 = a[col + k];
            double alpha = x0 >= 0 ? -Math.sqrt(normSq) : Math.sqrt(normSq); // R_kk, sign chosen against cancellation
            rDiag[k] = alpha;
            a[col + k] = x0 - alpha; // the Householder vector v = x − αe₁ overwrites column k from row k
            double vSq = 0;
            for (int i = k; i < d; i++) vSq += a[col + i] * a[col + i];
            beta[k] = vSq == 0 ? 0 : 2 / vSq;
            for (int j = k + 1; j < d; j++) reflect(a, col, k, beta[k], a, j * d, d);
        }
        double[] q = new double[d * d];
        for (int i = 0; i < d; i++) q[i + i * d] = 1;
        for (int k = d - 1; k >= 0; k--) { // Q = H₀H₁…H_{d−1}·I, accumulated backward: H_k touches rows and columns ≥ k
            for (int j = k; j < d; j++) reflect(a, k * d, k, beta[k], q, j * d, d);
        }
        for (int k = 0; k < d; k++) {
            if (rDiag[k] < 0) {
                for (int i = 0; i < d; i++) q[i + k * d] = -q[i + k * d];
            }
        }
        return new DoubleMatrix(d, d, q);
    }

    /** y ← (I − β v vᵀ) y on rows k … d−1, v = h[vCol + k …], y = m[yCol + k …]. */
    private static void reflect(double[] h, int vCol, int k, double beta, double[] m, int yCol, int d) {
        double s = 0;
        for (int i = k; i < d; i++) s += h[vCol + i] * m[yCol + i];
        s *= beta;
        for (int i = k; i < d; i++) m[yCol + i] -= s * h[vCol + i];
    }
}
