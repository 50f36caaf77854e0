package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.TaskView;

/**
 * θ ← θ − lr·(F + δI)⁻¹ g (see {@link NaturalGradientSpec}), by metric kind:
 * <ul>
 *   <li>DIAGONAL: per coordinate, g_i / (f_i + δ);</li>
 *   <li>DENSE: G + δI Cholesky-factored once at build time (not positive-definite: IllegalArgumentException
 *       from {@code newRule}), then two triangular solves per step;</li>
 *   <li>HESSIAN: the task's H = QΛQᵀ through its eigendecomposition, (H + δI)⁻¹ = Q(Λ + δ)⁻¹Qᵀ (no
 *       factorisation; needs a {@link TaskView});</li>
 *   <li>GRADIENT_OUTER: F ← βF + (1 − β) g gᵀ with F₀ = 0 (state, reset to 0), then an in-place Cholesky of
 *       F + δI and two triangular solves per step (see {@link Cholesky} for why not jblas). If that
 *       factorisation fails (F + δI not numerically positive-definite, or NaN in g), θ is set to NaN: the
 *       failure is reported as a value and the simulation flags the run as diverged; nothing throws mid-run.</li>
 * </ul>
 * step, reset and copyStateFrom allocate nothing.
 */
final class NaturalGradient implements LearningRule {
    private final NaturalGradientSpec spec;
    private final MetricSpec.Kind kind;
    private final int n;
    private final double[] diagPlusDamping; // DIAGONAL: f_i + δ
    private final double[] factor; // DENSE: constant Cholesky factor; GRADIENT_OUTER: per-step workspace
    private final double[] f; // GRADIENT_OUTER: F, lower triangle row-major (the rule's state)
    private final double[] x; // (F + δI)⁻¹ g
    private final double[] work; // HESSIAN: eigen-coordinates

    NaturalGradient(NaturalGradientSpec spec, int dim) {
        this.spec = spec;
        this.kind = spec.metric().kind();
        this.n = Rules.checkedDim(dim);
        this.x = new double[n];
        double delta = spec.damping();
        double[] d = null;
        double[] fac = null;
        double[] state = null;
        double[] w = null;
        switch (kind) {
            case DIAGONAL:
                d = Rules.diagonalMetric(spec.metric(), n);
                for (int i = 0; i < n; i++) d[i] += delta;
                break;
            case DENSE:
                fac = Rules.denseMetric(spec.metric(), n);
                for (int i = 0; i < n; i++) fac[i * n + i] += delta;
                if (!Cholesky.decompose(fac, n)) {
                    throw new IllegalArgumentException("metric.values: G + damping·I must be positive-definite, got a"
                            + " matrix whose Cholesky factorisation fails (damping " + delta + ")");
                }
                break;
            case HESSIAN:
                w = new double[n];
                break;
            case GRADIENT_OUTER:
                // F is a sum of fewer than d rank-one terms for the first d − 1 steps: singular without damping
                if (n > 1 && delta == 0) {
                    throw new IllegalArgumentException("damping must be > 0 for a gradient-outer metric in dim " + n
                            + " > 1 (F is rank-deficient for the first steps), got 0.0");
                }
                fac = new double[n * n];
                state = new double[n * n];
                break;
            default:
                throw new IllegalArgumentException("metric must not be " + kind + " for natural-gradient");
        }
        this.diagPlusDamping = d;
        this.factor = fac;
        this.f = state;
        this.work = w;
    }

    @Override
    public int dim() {
        return n;
    }

    @Override
    public void step(double[] theta, double[] g, TaskView task) {
        Rules.checkLengths(n, theta, g);
        double lr = spec.lr();
        switch (kind) {
            case DIAGONAL:
                for (int i = 0; i < n; i++) theta[i] -= lr * (g[i] / diagPlusDamping[i]);
                return;
            case DENSE:
                Cholesky.solve(factor, n, g, x);
                break;
            case HESSIAN:
                hessianSolve(task.hessian(), g);
                break;
            case GRADIENT_OUTER:
                if (!outerSolve(g)) {
                    Rules.poison(theta);
                    return;
                }
                break;
            default:
                throw new IllegalStateException(kind.name());
        }
        for (int i = 0; i < n; i++) theta[i] -= lr * x[i];
    }

    private void hessianSolve(Hessian h, double[] g) {
        if (h.dim() != n) throw new IllegalArgumentException("task Hessian must have dim " + n + ", got " + h.dim());
        double[] lambda = h.eigenvalues();
        h.toEigenbasis(g, work);
        for (int j = 0; j < n; j++) work[j] /= lambda[j] + spec.damping();
        h.fromEigenbasis(work, x);
    }

    /** F ← βF + (1 − β) g gᵀ; x ← (F + δI)⁻¹ g. False when the factorisation fails. */
    private boolean outerSolve(double[] g) {
        double beta = spec.metric().beta();
        double delta = spec.damping();
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double gi = (1 - beta) * g[i];
            for (int j = 0; j <= i; j++) {
                f[row + j] = beta * f[row + j] + gi * g[j];
                factor[row + j] = f[row + j];
            }
            factor[row + i] += delta;
        }
        if (!Cholesky.decompose(factor, n)) return false;
        Cholesky.solve(factor, n, g, x);
        return true;
    }

    @Override
    public void reset() {
        if (f != null) Arrays.fill(f, 0.0);
    }

    /** GRADIENT_OUTER: rows and columns from … to − 1 of F ← 0 (F₀ = 0); other metrics have no state. */
    @Override
    public void resetEntries(int from, int to) {
        Rules.checkRange(n, from, to);
        if (f == null) return;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            if (i >= from && i < to) {
                for (int j = 0; j <= i; j++) f[row + j] = 0.0;
            } else {
                for (int j = from; j < Math.min(to, i + 1); j++) f[row + j] = 0.0;
            }
        }
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        NaturalGradient o = Rules.twin(NaturalGradient.class, this, spec, other, r -> r.spec);
        if (f != null) System.arraycopy(o.f, 0, f, 0, f.length);
    }
}
