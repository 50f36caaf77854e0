package org.driftlab.core.rule;

/**
 * Eigendecomposition A = U diag(values) Uᵀ of a symmetric row-major n×n array by cyclic Jacobi rotations, in
 * preallocated arrays. Written out rather than taken from jblas ({@code Eigen.symmetricEigenvectors}) because
 * the optimal-control rule with a dense metric and a filtered (per-step) curvature decomposes every step and
 * must not allocate; Jacobi is also accurate to high relative precision on the positive-definite matrices it
 * is used for here. Eigenvalues are not sorted.
 */
final class SymmetricEigen {
    private static final int MAX_SWEEPS = 64;
    private static final double EPS = 0x1p-53;

    private SymmetricEigen() {}

    /**
     * {@code a} (symmetric, both triangles; destroyed) → {@code vectors} (row-major, column j the unit
     * eigenvector of {@code values[j]}). Allocates nothing.
     *
     * @return false when the input holds NaN/infinity or the sweeps did not converge (outputs are then garbage)
     */
    static boolean decompose(double[] a, int n, double[] vectors, double[] values) {
        java.util.Arrays.fill(vectors, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) vectors[i * n + i] = 1.0;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    double app = a[p * n + p];
                    double aqq = a[q * n + q];
                    // negligible relative to the diagonal: Demmel–Veselić's criterion, which keeps small
                    // eigenvalues of a positive-definite matrix accurate (NaN compares false and rotates on)
                    if (Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app * aqq))) {
                        a[p * n + q] = 0.0;
                        a[q * n + p] = 0.0;
                        continue;
                    }
                    rotated = true;
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.abs(theta) > 1e150
                            ? 0.5 / theta
                            : Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // A ← A P (columns p, q)
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // A ← Pᵀ A (rows p, q)
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    a[p * n + q] = 0.0;
                    a[q * n + p] = 0.0;
                    for (int k = 0; k < n; k++) { // U ← U P
                        double vkp = vectors[k * n + p];
                        double vkq = vectors[k * n + q];
                        vectors[k * n + p] = c * vkp - s * vkq;
                        vectors[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
            if (!rotated) {
                for (int i = 0; i < n; i++) {
                    values[i] = a[i * n + i];
                    if (!Double.isFinite(values[i])) return false;
                }
                return true;
            }
        }
        return false;
    }
}
