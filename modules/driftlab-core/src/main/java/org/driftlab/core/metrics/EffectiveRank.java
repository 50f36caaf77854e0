package org.driftlab.core.metrics;

/**
 * Singular values and effective rank of small dense matrices, in plain Java (so a run's metrics are
 * bit-identical on every CPU, DESIGN §3; a native LAPACK SVD may differ in the last bits between machines).
 *
 * <p>Effective rank (Roy &amp; Vetterli 2007): with singular values σ_k and p_k = σ_k / Σσ,
 * erank = exp(−Σ_k p_k ln p_k) (terms with p_k = 0 count 0); 1 ≤ erank ≤ rank. The zero matrix has erank 0
 * here (Roy &amp; Vetterli define it for non-zero matrices only).
 *
 * <p>Singular values by one-sided (Hestenes) Jacobi: columns are rotated pairwise until every pair is
 * orthogonal to 1e-15 relative (at most 100 sweeps), then σ_k = |column k|. Accurate to a few ulps relative
 * to the largest σ for any matrix, including rank-deficient ones.
 */
public final class EffectiveRank {
    private static final double TOLERANCE = 1e-15;
    private static final int MAX_SWEEPS = 100;

    private EffectiveRank() {}

    /**
     * Writes the singular values of the rows × cols matrix {@code a} (column-major: a[i + j·rows], destroyed)
     * into {@code sigma[0 … cols − 1]}, unsorted. Allocates nothing.
     */
    public static void singularValues(double[] a, int rows, int cols, double[] sigma) {
        if (a.length < rows * cols || sigma.length < cols) {
            throw new IllegalArgumentException("need a of length >= " + rows * cols + " and sigma of length >= " + cols
                    + ", got " + a.length + " and " + sigma.length);
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < cols - 1; p++) {
                int cp = p * rows;
                for (int q = p + 1; q < cols; q++) {
                    int cq = q * rows;
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < rows; i++) {
                        double x = a[cp + i];
                        double y = a[cq + i];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0 || Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1.0 : zeta) / (Math.abs(zeta) + Math.hypot(1.0, zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int i = 0; i < rows; i++) {
                        double x = a[cp + i];
                        double y = a[cq + i];
                        a[cp + i] = c * x - s * y;
                        a[cq + i] = s * x + c * y;
                    }
                }
            }
            if (!rotated) break;
        }
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) s += a[j * rows + i] * a[j * rows + i];
            sigma[j] = Math.sqrt(s);
        }
    }

    /** exp of the entropy of the normalised {@code sigma[0 … n − 1]} (≥ 0); 0 when all are 0. */
    public static double ofSingularValues(double[] sigma, int n) {
        double total = 0;
        for (int k = 0; k < n; k++) total += sigma[k];
        if (!(total > 0)) return total == 0 ? 0.0 : Double.NaN;
        double entropy = 0;
        for (int k = 0; k < n; k++) {
            double p = sigma[k] / total;
            if (p > 0) entropy -= p * Math.log(p);
        }
        return Math.exp(entropy);
    }

    /**
     * The effective rank of the rows × cols matrix {@code a} (column-major, destroyed); {@code sigma} (length
     * ≥ cols) is a workspace. Allocates nothing.
     */
    public static double of(double[] a, int rows, int cols, double[] sigma) {
        singularValues(a, rows, cols, sigma);
        return ofSingularValues(sigma, cols);
    }
}
