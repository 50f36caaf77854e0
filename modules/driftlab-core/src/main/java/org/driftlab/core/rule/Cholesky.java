package org.driftlab.core.rule;

/**
 * In-place Cholesky factorisation and solve on row-major n×n arrays (a[i·n + j] = A[i][j]). Written out rather
 * than taken from jblas ({@code Decompose.cholesky}, {@code Solve.solvePositive}) because those allocate a
 * fresh matrix per call and report failure by exception, while the gradient-outer metric factorises every step
 * and must neither allocate nor throw (STYLE C4: numerical failure is a value). d is small (tens to a few
 * hundred), where the O(d³/6) loop is competitive with LAPACK.
 */
final class Cholesky {
    private Cholesky() {}

    /**
     * a ← L with A = L Lᵀ, L in the lower triangle (the strict upper triangle is neither read nor written).
     * Allocates nothing.
     *
     * @return false when A is not (numerically) positive-definite or holds NaN; {@code a} is then garbage
     */
    static boolean decompose(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double d = a[rowJ + j];
            for (int k = 0; k < j; k++) d -= a[rowJ + k] * a[rowJ + k];
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) return false; // the !(…) form also catches NaN
            double ljj = Math.sqrt(d);
            a[rowJ + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = s / ljj;
            }
        }
        return true;
    }

    /**
     * x ← (L Lᵀ)⁻¹ b by forward and back substitution, L from {@link #decompose}. {@code l} and {@code b} not
     * modified; {@code x} may alias {@code b}. Allocates nothing.
     */
    static void solve(double[] l, int n, double[] b, double[] x) {
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[rowI + k] * x[k];
            x[i] = s / l[rowI + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
            x[i] = s / l[i * n + i];
        }
    }
}
