package org.driftlab.core.stream;

import org.jblas.DoubleMatrix;

/**
 * A symmetric positive-definite Hessian H = Q Λ Qᵀ held by its eigendecomposition: eigenvalues λ (all > 0)
 * and, unless H is diagonal in the standard basis, the orthogonal basis Q (columns are eigenvectors).
 * Immutable after construction; the arrays it returns must not be modified. {@link #multiply} and
 * {@link #solve} allocate nothing.
 */
public final class Hessian {
    private final double[] lambda;
    private final DoubleMatrix q;
    private final double[] work;

    private Hessian(double[] lambda, DoubleMatrix q) {
        for (int i = 0; i < lambda.length; i++) {
            if (!(lambda[i] > 0) || Double.isInfinite(lambda[i])) {
                throw new IllegalArgumentException("eigenvalue " + i + " must be finite and > 0, got " + lambda[i]);
            }
        }
        if (q != null && (q.rows != lambda.length || q.columns != lambda.length)) {
            throw new IllegalArgumentException("basis must be " + lambda.length + "x" + lambda.length + ", got " + q.rows + "x" + q.columns);
        }
        this.lambda = lambda.clone();
        this.q = q == null ? null : q.dup();
        this.work = new double[lambda.length];
    }

    /** H = diag(h). */
    public static Hessian diagonal(double[] h) {
        return new Hessian(h, null);
    }

    /** H = Q diag(lambda) Qᵀ; {@code q} must be orthogonal (not checked beyond its shape). */
    public static Hessian rotated(double[] lambda, DoubleMatrix q) {
        return new Hessian(lambda, q);
    }

    public int dim() {
        return lambda.length;
    }

    public boolean isDiagonal() {
        return q == null;
    }

    /** Eigenvalues λ in the order of the basis columns (for a diagonal H: the diagonal). Do not modify. */
    public double[] eigenvalues() {
        return lambda;
    }

    /** The eigenbasis Q, or null when H is diagonal in the standard basis. Do not modify. */
    public DoubleMatrix basis() {
        return q;
    }

    /** H as a dense dim×dim matrix (a fresh matrix). */
    public DoubleMatrix dense() {
        DoubleMatrix d = DoubleMatrix.diag(new DoubleMatrix(lambda));
        return q == null ? d : q.mmul(d).mmul(q.transpose());
    }

    /** out ← H x. {@code x} not modified; {@code out} may not alias {@code x}. Not thread-safe. */
    public void multiply(double[] x, double[] out) {
        apply(x, out, false);
    }

    /** out ← H⁻¹ x. {@code x} not modified; {@code out} may not alias {@code x}. Not thread-safe. */
    public void solve(double[] x, double[] out) {
        apply(x, out, true);
    }

    /** out ← Qᵀ x (out ← x when diagonal): coordinates in the eigenbasis. */
    public void toEigenbasis(double[] x, double[] out) {
        if (q == null) {
            System.arraycopy(x, 0, out, 0, x.length);
            return;
        }
        int n = lambda.length;
        double[] qd = q.data; // column-major: Q[i][j] = qd[i + j*n]
        for (int j = 0; j < n; j++) {
            double s = 0;
            int col = j * n;
            for (int i = 0; i < n; i++) s += qd[col + i] * x[i];
            out[j] = s;
        }
    }

    /** out ← Q y (out ← y when diagonal): back from eigenbasis coordinates. */
    public void fromEigenbasis(double[] y, double[] out) {
        if (q == null) {
            System.arraycopy(y, 0, out, 0, y.length);
            return;
        }
        int n = lambda.length;
        double[] qd = q.data;
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < n; j++) {
            double yj = y[j];
            int col = j * n;
            for (int i = 0; i < n; i++) out[i] += qd[col + i] * yj;
        }
    }

    private void apply(double[] x, double[] out, boolean inverse) {
        int n = lambda.length;
        if (x.length != n || out.length != n) {
            throw new IllegalArgumentException("vectors must have length " + n + ", got " + x.length + " and " + out.length);
        }
        if (q == null) {
            for (int i = 0; i < n; i++) out[i] = inverse ? x[i] / lambda[i] : x[i] * lambda[i];
            return;
        }
        toEigenbasis(x, work);
        for (int j = 0; j < n; j++) work[j] = inverse ? work[j] / lambda[j] : work[j] * lambda[j];
        fromEigenbasis(work, out);
    }
}
