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
            throw new IllegalArgumentException(
                    "basis must be " + lambda.length + "x" + lambda.length + ", got " + q.rows + "x" + q.columns);
        }
        this.lambda = lambda.clone();
        this.q = q == null ? null : q.dup();
        this.work = new double[lambda.length];
    }

    private Hessian(Hessian shared) {
        this.lambda = shared.lambda;
        this.q = shared.q;
        this.work = new double[lambda.length];
    }

    /**
     * This H sharing its eigenvalues and basis (immutable) with its own workspace: for stream twins, so that
     * each rollback checkpoint of a rotated stream does not hold its own copy of the d×d basis (128 KB at d = 128).
     */
    Hessian twin() {
        return new Hessian(this);
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

    /**
     * out ← Qᵀ x (out ← x when diagonal): coordinates in the eigenbasis. {@code out} may not alias {@code x}.
     *
     * <p>Each out[j] is the dot product of column j with x summed in index order from 0, exactly as a one-column
     * loop would (results are bit-identical to it; HessianTest). Eight columns are swept together: a single dot
     * product waits on the add latency at every element, eight independent ones overlap, and x[i] is loaded once
     * for eight columns: on W1-dense the two basis changes dominate the step (figures for one, four and eight
     * columns in docs/PERFORMANCE.md). jblas dgemv is not an option here: its summation order differs (results
     * would change), and at this shape it is slower than the interleaved loop anyway (GemvCrossoverBench).
     */
    public void toEigenbasis(double[] x, double[] out) {
        if (q == null) {
            System.arraycopy(x, 0, out, 0, x.length);
            return;
        }
        int n = lambda.length;
        double[] qd = q.data; // column-major: Q[i][j] = qd[i + j*n]
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int c0 = j * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n, c4 = c3 + n, c5 = c4 + n, c6 = c5 + n, c7 = c6 + n;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                s0 += qd[c0 + i] * xi;
                s1 += qd[c1 + i] * xi;
                s2 += qd[c2 + i] * xi;
                s3 += qd[c3 + i] * xi;
                s4 += qd[c4 + i] * xi;
                s5 += qd[c5 + i] * xi;
                s6 += qd[c6 + i] * xi;
                s7 += qd[c7 + i] * xi;
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
            out[j + 4] = s4;
            out[j + 5] = s5;
            out[j + 6] = s6;
            out[j + 7] = s7;
        }
        for (; j < n; j++) {
            double s = 0;
            int col = j * n;
            for (int i = 0; i < n; i++) s += qd[col + i] * x[i];
            out[j] = s;
        }
    }

    /**
     * out ← Q y (out ← y when diagonal): back from eigenbasis coordinates. {@code out} may not alias {@code y}.
     *
     * <p>out[i] = (((0 + Q[i][0]·y0) + Q[i][1]·y1) + …), the terms added in column order as a column-at-a-time
     * axpy would (bit-identical to it); four columns are added per pass over out, so out[i] is loaded and
     * stored once per four columns instead of once per column.
     */
    public void fromEigenbasis(double[] y, double[] out) {
        if (q == null) {
            System.arraycopy(y, 0, out, 0, y.length);
            return;
        }
        int n = lambda.length;
        double[] qd = q.data;
        java.util.Arrays.fill(out, 0.0);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double y0 = y[j], y1 = y[j + 1], y2 = y[j + 2], y3 = y[j + 3];
            int c0 = j * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
            for (int i = 0; i < n; i++) {
                out[i] = out[i] + qd[c0 + i] * y0 + qd[c1 + i] * y1 + qd[c2 + i] * y2 + qd[c3 + i] * y3;
            }
        }
        for (; j < n; j++) {
            double yj = y[j];
            int col = j * n;
            for (int i = 0; i < n; i++) out[i] += qd[col + i] * yj;
        }
    }

    private void apply(double[] x, double[] out, boolean inverse) {
        int n = lambda.length;
        if (x.length != n || out.length != n) {
            throw new IllegalArgumentException(
                    "vectors must have length " + n + ", got " + x.length + " and " + out.length);
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
