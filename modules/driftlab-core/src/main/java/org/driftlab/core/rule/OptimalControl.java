package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.TaskView;

/**
 * The paper's optimal-control rule (DESIGN §5; {@link OptimalControlSpec}): each step moves θ along the exact
 * optimal flow of J = ∫ e^{−γt} [(1/2η)|θ̇ − f(θ)|²_G + k L̂(θ)] dt over Δt = dt, for the quadratic belief
 * L̂(θ') = mᵀ(θ' − θ) + ½ (θ' − θ)ᵀ V (θ' − θ) and f(θ) = −jθ (j = {@code decay} ≥ 0).
 *
 * <p><b>Modes.</b> With φ = G^{1/2}θ, Ṽ = G^{−1/2} V G^{−1/2} = U diag(h) Uᵀ, the mode coordinates are
 * y = Uᵀ G^{1/2} θ, the gradient in them m_y = Uᵀ G^{−1/2} m, and θ = G^{−1/2} U y. In each mode the belief is
 * ½ h (y − μ_y)² with minimum μ_y = y − m_y / h, and the optimal flow is ẏ = −λ (y − Bμ_y) with
 * <pre>
 *   c = ηk h + j (j + γ),   λ = √(γ²/4 + c) − γ/2 = c / (√(γ²/4 + c) + γ/2),   B = ηk h / c,
 *   Δy = (Bμ_y − y)(1 − e^{−λΔt}) = ((B − 1) y − B m_y / h)(1 − e^{−λΔt}),       Δθ = G^{−1/2} U Δy.
 * </pre>
 * With j = 0, B = 1 exactly and λ = R = √(γ²/4 + ηk h) − γ/2, so Δθ = −(I − e^{−RΔt}) V⁻¹ m (in the metric's
 * coordinates): the same code path, no twin. λ is computed in the cancellation-free form (γ ≫ 1) and
 * 1 − e^{−λΔt} by {@code expm1}.
 *
 * <p><b>Which decomposition.</b> G identity or diagonal with V diagonal (a diagonal Hessian, or the filtered
 * V): per coordinate, no matrix work. G identity with a rotated Hessian H = QΛQᵀ: U = Q, h = Λ from the
 * Hessian itself. Otherwise Ṽ is dense and is eigendecomposed ({@link SymmetricEigen}, allocation-free);
 * for the oracle/observed sources that result is cached keyed on the identity of the task's {@link Hessian}
 * (a stream's Hessian object only changes when its task does); for the filtered source V changes every step
 * and Ṽ is decomposed every step. G^{±1/2} are computed once at build time. If a per-step decomposition fails
 * (NaN in the belief), θ is set to NaN so the simulation flags divergence; nothing throws mid-run.
 *
 * <p><b>Belief sources.</b> ORACLE: m = ∇L(θ) (task.trueGradient), V = task.hessian(). OBSERVED: m = g,
 * V = task.hessian(). FILTERED (task unused, may be null), per coordinate i, with a = rate, q = processVar,
 * r = noiseVar of {@link KalmanFilterSpec}, starting from m = 0, P = q (the OU prior's stationary law), v = 0:
 * <pre>
 *   predict:  m ← (1 − a) m,   P ← (1 − a)² P + (1 − (1 − a)²) q
 *   update:   K = P / (P + r),   m ← m + K (g − m),   P ← (1 − K) P
 *   curvature: v ← β2 v + (1 − β2) g²,   V_ii = max(v, eps)
 * </pre>
 * (an Adam-like rule: for γ = 0 and small Δt, Δθ_i ≈ −√(ηk) Δt m_i / √V_ii). The filter state (m, P, v) is
 * the rule's state: reset() restores the values above, copyStateFrom() copies it. The Ṽ cache is a pure
 * function of the Hessian and is not state.
 *
 * <p>BELIEF: a Gaussian known-noise BOCPD built from {@code spec.belief()} observes the evidence of the optimum
 * ({@link OptimumEvidence}, the model's set fields overriding the stream's); with μ̄ = E[w* | z_1:t] its mixture
 * posterior mean, m = H(θ − μ̄) and V = H, so the flow heads for μ̄ (Δt → ∞: θ = μ̄, the ideal observer). The
 * BOCPD and the evidence parameters are the rule's state (reset, copyStateFrom).
 *
 * <p>step, reset and copyStateFrom allocate nothing.
 */
final class OptimalControl implements LearningRule {
    private final OptimalControlSpec spec;
    private final int n;
    private final double dt;
    private final double gamma;
    private final double etaK;
    private final double decayTerm; // j (j + γ)
    private final boolean identityMetric;
    private final double[] gDiag; // identity or diagonal metric: G_ii; null for dense
    private final double[] sqrtGDiag; // identity or diagonal metric: √G_ii
    private final double[] gHalf; // non-identity metric: G^{1/2}, row-major n×n
    private final double[] gInvHalf; // non-identity metric: G^{−1/2}, row-major n×n
    // belief state (FILTERED) or buffers (ORACLE: the true gradient in m)
    private final double[] m;
    private final double[] p;
    private final double[] v;
    // modes of the dense path: h, A = G^{−1/2}U (Δθ = A Δy, m_y = Aᵀ m), C = G^{1/2}U (y = Cᵀ θ)
    private final double[] h;
    private final double[] a;
    private final double[] c;
    private final double[] vt; // workspace: V, then Ṽ (destroyed by the decomposition)
    private final double[] tmp; // workspace n×n
    private final double[] u; // eigenvectors of Ṽ
    private final double[] y;
    private final double[] my;
    private Hessian modesFor; // the Hessian h, a, c were computed for (oracle/observed), or null
    // BELIEF only (else null): the evidence, the BOCPD on it, its posterior mean (eigenbasis), then in θ-space
    private final OptimumEvidence evidence;
    private final Bocpd belief;
    private final double[] target;

    OptimalControl(OptimalControlSpec spec, int dim, double dt) {
        this.spec = spec;
        this.n = Rules.checkedDim(dim);
        if (!(dt > 0) || Double.isInfinite(dt))
            throw new IllegalArgumentException("dt must be a finite number > 0, got " + dt);
        this.dt = dt;
        this.gamma = spec.gamma();
        this.etaK = spec.eta() * spec.k();
        this.decayTerm = spec.decay() * (spec.decay() + spec.gamma());
        this.identityMetric = spec.metric().kind() == MetricSpec.Kind.IDENTITY;
        switch (spec.metric().kind()) {
            case IDENTITY:
                gDiag = filled(n, 1.0);
                sqrtGDiag = filled(n, 1.0);
                gHalf = null;
                gInvHalf = null;
                break;
            case DIAGONAL:
                gDiag = Rules.diagonalMetric(spec.metric(), n);
                sqrtGDiag = new double[n];
                gHalf = new double[n * n];
                gInvHalf = new double[n * n];
                for (int i = 0; i < n; i++) {
                    sqrtGDiag[i] = Math.sqrt(gDiag[i]);
                    gHalf[i * n + i] = sqrtGDiag[i];
                    gInvHalf[i * n + i] = 1 / sqrtGDiag[i];
                }
                break;
            case DENSE:
                gDiag = null;
                sqrtGDiag = null;
                gHalf = new double[n * n];
                gInvHalf = new double[n * n];
                denseRoots(Rules.denseMetric(spec.metric(), n), n, gHalf, gInvHalf);
                break;
            default:
                throw new IllegalArgumentException(
                        "metric must be identity, diagonal or dense for optimal-control, got "
                                + spec.metric().kind());
        }
        this.m = new double[n];
        this.p = new double[n];
        this.v = new double[n];
        this.h = new double[n];
        this.a = new double[n * n];
        this.c = new double[n * n];
        this.vt = new double[n * n];
        this.tmp = new double[n * n];
        this.u = new double[n * n];
        this.y = new double[n];
        this.my = new double[n];
        if (spec.source() == BeliefSource.BELIEF) {
            BocpdSpec b = spec.belief();
            if (b == null)
                throw new IllegalArgumentException(
                        "source = belief needs the run's belief attached (OptimalControlSpec.withBelief)");
            this.evidence = new OptimumEvidence(n, (GaussianModelSpec) b.model());
            // placeholder parameters: replaced from the task at the first step, before any observation
            this.belief = TaskBeliefs.gaussian(
                    b.hazard(),
                    b.pruneTolerance(),
                    b.maxRunLength(),
                    evidence.priorMean(),
                    evidence.priorVar(),
                    evidence.noise());
            this.target = new double[n];
        } else {
            this.evidence = null;
            this.belief = null;
            this.target = null;
        }
        reset();
    }

    private static double[] filled(int n, double value) {
        double[] x = new double[n];
        Arrays.fill(x, value);
        return x;
    }

    /** G = W diag(g) Wᵀ → G^{1/2} = W diag(√g) Wᵀ, G^{−1/2} = W diag(1/√g) Wᵀ; G must be positive-definite. */
    private static void denseRoots(double[] g, int n, double[] half, double[] invHalf) {
        double[] w = new double[n * n];
        double[] values = new double[n];
        if (!SymmetricEigen.decompose(g, n, w, values)) {
            throw new IllegalArgumentException("metric.values: eigendecomposition of G failed");
        }
        for (int l = 0; l < n; l++) {
            if (!(values[l] > 0)) {
                throw new IllegalArgumentException(
                        "metric.values must be positive-definite, got eigenvalue " + values[l]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sh = 0;
                double si = 0;
                for (int l = 0; l < n; l++) {
                    double ww = w[i * n + l] * w[j * n + l];
                    double r = Math.sqrt(values[l]);
                    sh += ww * r;
                    si += ww / r;
                }
                half[i * n + j] = sh;
                invHalf[i * n + j] = si;
            }
        }
    }

    @Override
    public int dim() {
        return n;
    }

    @Override
    public void step(double[] theta, double[] g, TaskView task) {
        Rules.checkLengths(n, theta, g);
        double[] mean;
        Hessian hess = null;
        switch (spec.source()) {
            case ORACLE:
                task.trueGradient(theta, m);
                mean = m;
                hess = task.hessian();
                break;
            case OBSERVED:
                mean = g;
                hess = task.hessian();
                break;
            case FILTERED:
                filter(g);
                mean = m;
                break;
            case BELIEF:
                hess = task.hessian();
                towardPosteriorMean(theta, g, task);
                mean = m;
                break;
            default:
                throw new IllegalStateException(spec.source().name());
        }
        if (hess != null && hess.dim() != n) {
            throw new IllegalArgumentException("task Hessian must have dim " + n + ", got " + hess.dim());
        }
        if (gDiag != null && (hess == null || hess.isDiagonal())) {
            // V and G diagonal: modes are coordinates, y_i = √G_i θ_i, m_y = m_i / √G_i, h_i = V_ii / G_i
            double[] vDiag = hess == null ? null : hess.eigenvalues();
            for (int i = 0; i < n; i++) {
                double s = sqrtGDiag[i];
                double vi = vDiag == null ? Math.max(v[i], spec.filter().eps()) : vDiag[i];
                theta[i] += modeStep(vi / gDiag[i], s * theta[i], mean[i] / s) / s;
            }
            return;
        }
        if (hess == null || hess != modesFor) {
            modesFor = null;
            if (!prepareModes(hess)) {
                Rules.poison(theta);
                return;
            }
            modesFor = hess;
        }
        for (int i = 0; i < n; i++) {
            double yi = 0;
            double mi = 0;
            for (int k = 0; k < n; k++) {
                yi += c[k * n + i] * theta[k];
                mi += a[k * n + i] * mean[k];
            }
            y[i] = yi;
            my[i] = mi;
        }
        for (int i = 0; i < n; i++) y[i] = modeStep(h[i], y[i], my[i]); // y now holds Δy
        for (int k = 0; k < n; k++) {
            double d = 0;
            for (int i = 0; i < n; i++) d += a[k * n + i] * y[i];
            theta[k] += d;
        }
    }

    /** Δy of one mode with curvature hi, coordinate yi and gradient myi (see the class comment). */
    private double modeStep(double hi, double yi, double myi) {
        double drive = etaK * hi;
        double cc = drive + decayTerm;
        double halfGamma = gamma / 2;
        double lambda = cc / (Math.sqrt(halfGamma * halfGamma + cc) + halfGamma);
        double b = drive / cc; // exactly 1 when decay = 0
        return ((b - 1) * yi - b * myi / hi) * -Math.expm1(-lambda * dt);
    }

    /** m ← H(θ − μ̄), μ̄ the belief's posterior mean of w* after this step's evidence (class comment). */
    private void towardPosteriorMean(double[] theta, double[] g, TaskView task) {
        if (evidence.observe(theta, g, task))
            belief.resetGaussian(evidence.priorMean(), evidence.priorVar(), evidence.noise());
        belief.observe(evidence.y(), 0);
        belief.posteriorMean(y);
        evidence.toWeights(y, task, target);
        for (int i = 0; i < n; i++) target[i] = theta[i] - target[i];
        task.hessian().multiply(target, m);
    }

    /** The filtered belief's predict/update with g, and the g² average (class comment). */
    private void filter(double[] g) {
        KalmanFilterSpec f = spec.filter();
        double keep = 1 - f.rate();
        double keep2 = keep * keep;
        for (int i = 0; i < n; i++) {
            double mi = keep * m[i];
            double pi = keep2 * p[i] + (1 - keep2) * f.processVar();
            double gain = pi / (pi + f.noiseVar());
            m[i] = mi + gain * (g[i] - mi);
            p[i] = (1 - gain) * pi;
            v[i] = f.beta2() * v[i] + (1 - f.beta2()) * g[i] * g[i];
        }
    }

    /** h, a, c for the current V (hess, or the filtered diagonal when null). False when Ṽ's decomposition fails. */
    private boolean prepareModes(Hessian hess) {
        if (identityMetric && hess != null) {
            // G = I, V = QΛQᵀ: the Hessian already holds Ṽ's eigendecomposition
            System.arraycopy(hess.eigenvalues(), 0, h, 0, n);
            double[] qd = hess.basis().data; // column-major: Q[i][j] = qd[i + j·n]
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) a[i * n + j] = qd[i + j * n];
            }
            System.arraycopy(a, 0, c, 0, n * n);
            return true;
        }
        // vt ← V (dense)
        Arrays.fill(vt, 0.0);
        if (hess == null) {
            for (int i = 0; i < n; i++)
                vt[i * n + i] = Math.max(v[i], spec.filter().eps());
        } else if (hess.isDiagonal()) {
            double[] lambda = hess.eigenvalues();
            for (int i = 0; i < n; i++) vt[i * n + i] = lambda[i];
        } else {
            double[] lambda = hess.eigenvalues();
            double[] qd = hess.basis().data;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int l = 0; l < n; l++) s += qd[i + l * n] * lambda[l] * qd[j + l * n];
                    vt[i * n + j] = s;
                    vt[j * n + i] = s;
                }
            }
        }
        // vt ← G^{−1/2} V G^{−1/2}, symmetrised exactly (the decomposition reads both triangles)
        multiply(gInvHalf, vt, tmp);
        multiply(tmp, gInvHalf, vt);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (vt[i * n + j] + vt[j * n + i]);
                vt[i * n + j] = s;
                vt[j * n + i] = s;
            }
        }
        if (!SymmetricEigen.decompose(vt, n, u, h)) return false;
        for (int i = 0; i < n; i++) {
            if (!(h[i] > 0)) return false;
        }
        multiply(gInvHalf, u, a);
        multiply(gHalf, u, c);
        return true;
    }

    /** out ← x·z for row-major n×n arrays; out aliases neither. */
    private void multiply(double[] x, double[] z, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < n; l++) s += x[i * n + l] * z[l * n + j];
                out[i * n + j] = s;
            }
        }
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0.0);
        Arrays.fill(p, spec.filter() == null ? 0.0 : spec.filter().processVar());
        Arrays.fill(v, 0.0);
        if (belief != null) {
            belief.reset();
            evidence.clear();
        }
    }

    /** With the BELIEF source only the whole range (a full {@link #reset()}): the belief is joint over all entries. */
    @Override
    public void resetEntries(int from, int to) {
        if (belief != null) {
            if (Rules.wholeRangeOnly(n, from, to, "the belief source")) reset();
            return;
        }
        Rules.checkRange(n, from, to);
        Arrays.fill(m, from, to, 0.0);
        Arrays.fill(p, from, to, spec.filter() == null ? 0.0 : spec.filter().processVar());
        Arrays.fill(v, from, to, 0.0);
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        OptimalControl o = Rules.twin(OptimalControl.class, this, spec, other, r -> r.spec);
        System.arraycopy(o.m, 0, m, 0, n);
        System.arraycopy(o.p, 0, p, 0, n);
        System.arraycopy(o.v, 0, v, 0, n);
        if (belief != null) {
            belief.copyStateFrom(o.belief);
            evidence.copyStateFrom(o.evidence);
        }
    }
}
