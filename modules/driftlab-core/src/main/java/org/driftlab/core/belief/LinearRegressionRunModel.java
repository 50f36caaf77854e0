package org.driftlab.core.belief;

/**
 * Bayesian linear regression with unknown noise (Normal–Inverse-Gamma): y = w·x + ε, ε ~ N(0, σ²),
 * w | σ² ~ N(0, σ² V0) with V0 = priorVar·I, 1/σ² ~ Gamma(a0, rate b0). One observation is a minibatch of
 * B samples laid out as B rows of (x_1 … x_p, y). Statistics of a run: (V, m, a, b) with V = (V0⁻¹ + XᵀX)⁻¹
 * the posterior covariance scale, m the posterior mean of w; per slot p² + p + 2 doubles.
 *
 * <p>Each sample's predictive is Student-t with 2a degrees of freedom, location m·x and scale²
 * (b/a)(1 + xᵀVx); a minibatch's predictive is the product of its samples' sequential predictives, the
 * posterior updated after each sample (the exact joint predictive). The update keeps the inverse V and
 * changes it by Sherman–Morrison rank-one steps: u = Vx, V ← V − uuᵀ/(1 + xᵀu), m ← m + u(y − m·x)/(1 + xᵀu),
 * b ← b + (y − m·x)²/(2(1 + xᵀu)), a ← a + ½. Why the inverse and not a Cholesky factor of the precision:
 * the predictive needs exactly u = Vx and xᵀVx, which the inverse gives with one O(p²) product and no
 * triangular solves, and removing a sample (the r_max cap's downdate) is the same formula with the sign
 * flipped (V ← V + uuᵀ/(1 − xᵀu)), whereas a Cholesky downdate needs its own hyperbolic rotations. V stays
 * well conditioned because it is bounded above by V0 and every run holds at most r_max·B samples.
 */
final class LinearRegressionRunModel extends RunModel {
    private final int p;
    private final int batch;
    private final LinearRegressionModelSpec spec;
    private final double[] u;
    private final double[] logGammaRatio; // [k] = log Γ(a_k + ½) − log Γ(a_k), a_k = a0 + k/2

    LinearRegressionRunModel(LinearRegressionModelSpec spec, int p, int batch, int rMax) {
        super(Math.multiplyExact(batch, p + 1), p * p + p + 2, rMax);
        this.p = p;
        this.batch = batch;
        this.spec = spec;
        this.u = new double[p + 1]; // V x, then the fit mᵀx
        int samples = Math.multiplyExact(rMax + 1, batch);
        this.logGammaRatio = new double[samples];
        for (int k = 0; k < samples; k++) {
            double a = spec.alpha0() + 0.5 * k;
            logGammaRatio[k] = LogSpace.logGamma(a + 0.5) - LogSpace.logGamma(a);
        }
    }

    @Override
    void predictAndGrow(double[] x, int off, int n, int[] runLength, double[] logPi) {
        for (int j = n - 1; j >= 0; j--) {
            copySlot(j, j + 1);
            int base = (j + 1) * statsWidth;
            int k = runLength[j] * batch;
            double lp = 0;
            for (int s = 0; s < batch; s++) {
                lp += update(base, x, off + s * (p + 1), k + s);
            }
            logPi[j] = lp;
        }
        prior(0);
    }

    /**
     * For the sample x at {@code xo} and the statistics (V, m) at {@code base}: u = V x in {@code u[0..p)}, the fit
     * mᵀx in {@code u[p]}; returns q = xᵀ V x.
     */
    private double project(int base, double[] x, int xo) {
        double[] st = stats;
        int mo = base + p * p;
        double q = 0, fit = 0;
        for (int r = 0; r < p; r++) {
            double acc = 0;
            int row = base + r * p;
            for (int c = 0; c < p; c++) acc += st[row + c] * x[xo + c];
            u[r] = acc;
            q += x[xo + r] * acc;
            fit += st[mo + r] * x[xo + r];
        }
        u[p] = fit;
        return q;
    }

    /** Adds one sample to the statistics at {@code base}; returns its log predictive under the old ones. */
    private double update(int base, double[] x, int xo, int k) {
        double[] st = stats;
        int mo = base + p * p;
        double y = x[xo + p];
        double q = project(base, x, xo);
        double fit = u[p];
        double a = st[mo + p];
        double b = st[mo + p + 1];
        double e = y - fit;
        double denom = 1 + q;
        double nuSigma2 = 2 * b * denom; // ν σ² with ν = 2a, σ² = (b/a)(1 + xᵀVx)
        double logt =
                logGammaRatio[k] - 0.5 * Math.log(Math.PI * nuSigma2) - (a + 0.5) * LogSpace.log1p(e * e / nuSigma2);
        double inv = 1 / denom;
        for (int r = 0; r < p; r++) {
            double ur = u[r] * inv;
            int row = base + r * p;
            for (int c = 0; c < p; c++) st[row + c] -= ur * u[c];
            st[mo + r] += ur * e;
        }
        st[mo + p] = a + 0.5;
        st[mo + p + 1] = b + e * e * inv / 2;
        return logt;
    }

    @Override
    void remove(int slot, double[] x, int off) {
        int base = slot * statsWidth;
        int mo = base + p * p;
        double[] st = stats;
        for (int s = 0; s < batch; s++) {
            int xo = off + s * (p + 1);
            double q = project(base, x, xo);
            double e = x[xo + p] - u[p];
            double inv = 1 / (1 - q);
            // V' = V + uuᵀ/(1 − q); m' = m − u e/(1 − q); b' = b − e²/(2(1 − q)); a' = a − ½
            for (int r = 0; r < p; r++) {
                double ur = u[r] * inv;
                int row = base + r * p;
                for (int c = 0; c < p; c++) st[row + c] += ur * u[c];
                st[mo + r] -= ur * e;
            }
            st[mo + p] -= 0.5;
            st[mo + p + 1] -= e * e * inv / 2;
        }
    }

    @Override
    void prior(int slot) {
        int base = slot * statsWidth;
        java.util.Arrays.fill(stats, base, base + statsWidth, 0.0);
        for (int r = 0; r < p; r++) stats[base + r * p + r] = spec.priorVar();
        stats[base + p * p + p] = spec.alpha0();
        stats[base + p * p + p + 1] = spec.beta0();
    }

    @Override
    int meanWidth() {
        return p;
    }

    @Override
    void copyStateFrom(RunModel other) {
        LinearRegressionRunModel o = (LinearRegressionRunModel) other;
        if (!o.spec.equals(spec) || o.p != p || o.batch != batch) {
            throw new IllegalArgumentException("cannot copy between regression models of different prior or shape");
        }
        super.copyStateFrom(other);
    }

    @Override
    void addPosteriorMean(int slot, int runLength, double w, double[] out) {
        int mo = slot * statsWidth + p * p;
        for (int r = 0; r < p; r++) out[r] += w * stats[mo + r];
    }
}
