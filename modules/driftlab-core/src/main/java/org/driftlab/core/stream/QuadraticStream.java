package org.driftlab.core.stream;

import java.util.Arrays;
import org.driftlab.core.random.SeedStreams;

/**
 * Quadratic tasks L(θ) = ½(θ − w*)ᵀH(θ − w*), observed as g = H(θ − w*) + σ_g ε (see {@link TaskStream}).
 * A rotated H = Q diag(λ) Qᵀ draws Q once from {@code TASKS/rotation}.
 *
 * <p>Work happens in the eigenbasis, where H is diagonal: with y = Qᵀ(θ − w*) and ε' ~ N(0, I) (NOISE),
 * g = Q(Λy + σ_g ε'), which has the distribution of H(θ − w*) + σ_g ε because Qε' ~ N(0, I). Then
 * Qᵀg = Λy + σ_g ε' needs no second transform, L = ½ Σ λ_i y_i², ½gᵀH⁻¹g = ½ Σ (Qᵀg)_i²/λ_i, and the
 * evidence Qᵀ(z − c) = Qᵀ(w* − c) − σ_g ε'_i/λ_i exactly, with Qᵀ(w* − c) cached per optimum. A step of a
 * rotated d-dimensional stream thus costs two d×d products (pure Java, so results are bit-identical on
 * every machine; a native BLAS could differ between CPUs). For a diagonal H, Q = I and ε' is ε.
 */
final class QuadraticStream extends TaskStream {
    private final Hessian hessian;
    private final double sigma;
    private final double[] lambda;
    private final double[] center; // subtracted before rotating the evidence: μ0·1 when rotated, else 0
    private final double[] diff;
    private final double[] y; // Qᵀ(θ − w*) of the last observation
    private final double[] eps; // ε' of the last observation
    private final double[] u; // Qᵀg of the last observation
    private final double[] thetaSeen; // θ of the last observation
    private final double[] optimumEig; // Qᵀ(w* − c)
    private final double[] work;
    private long observedVersion = -1; // optimum version at the last observation
    private long optimumEigVersion = -1; // optimum version optimumEig belongs to

    QuadraticStream(QuadraticStreamSpec spec, SeedStreams seeds) {
        super(spec, seeds);
        this.lambda = spec.spectrum().eigenvalues(dim);
        this.hessian = spec.rotated()
                ? Hessian.rotated(lambda, Orthogonal.random(dim, seeds.stream("TASKS/rotation")))
                : Hessian.diagonal(lambda);
        this.sigma = spec.gradientNoise();
        this.center = new double[dim];
        if (spec.rotated()) Arrays.fill(center, spec.prior().mean());
        this.diff = new double[dim];
        this.y = new double[dim];
        this.eps = new double[dim];
        this.u = new double[dim];
        this.thetaSeen = new double[dim];
        this.optimumEig = new double[dim];
        this.work = new double[dim];
    }

    /**
     * A twin sharing H, λ and the centre (see {@link TaskStream#twin()}); its state is set by the caller. With
     * {@code stateOnly} (see {@link TaskStream#stateTwin()}) it also shares {@code other}'s scratch and the
     * caches of the last observation (y, ε, u, the θ seen, Qᵀ(w* − c)) together with H's workspace: none of them
     * is state, since {@link #copyStateFrom} gives the stream a fresh optimum version and so marks its caches
     * stale, and a state-only twin never observes.
     */
    QuadraticStream(QuadraticStream other, boolean stateOnly) {
        super(other);
        this.lambda = other.lambda;
        this.hessian = stateOnly ? other.hessian : other.hessian.twin();
        this.sigma = other.sigma;
        this.center = other.center;
        this.diff = stateOnly ? other.diff : new double[dim];
        this.y = stateOnly ? other.y : new double[dim];
        this.eps = stateOnly ? other.eps : new double[dim];
        this.u = stateOnly ? other.u : new double[dim];
        this.thetaSeen = stateOnly ? other.thetaSeen : new double[dim];
        this.optimumEig = stateOnly ? other.optimumEig : new double[dim];
        this.work = stateOnly ? other.work : new double[dim];
    }

    @Override
    public void observeGradient(double[] theta, double[] g) {
        for (int i = 0; i < dim; i++) diff[i] = theta[i] - optimum[i];
        hessian.toEigenbasis(diff, y);
        for (int i = 0; i < dim; i++) {
            eps[i] = sigma == 0 ? 0 : noise.nextGaussian();
            u[i] = lambda[i] * y[i] + sigma * eps[i];
        }
        hessian.fromEigenbasis(u, g);
        System.arraycopy(theta, 0, thetaSeen, 0, dim);
        observedVersion = optimumVersion();
    }

    /** g ← g + H(θ − θ_observed): the observation's noise σ_g ε is unchanged (DESIGN §7). */
    @Override
    public void reobserveGradient(double[] observedTheta, double[] theta, double[] g) {
        for (int i = 0; i < dim; i++) diff[i] = theta[i] - observedTheta[i];
        hessian.multiply(diff, work);
        for (int i = 0; i < dim; i++) g[i] += work[i];
    }

    @Override
    public void trueGradient(double[] theta, double[] out) {
        for (int i = 0; i < dim; i++) diff[i] = theta[i] - optimum[i];
        hessian.multiply(diff, out);
    }

    @Override
    public Hessian hessian() {
        return hessian;
    }

    @Override
    public double gradientNoiseVariance() {
        return sigma * sigma;
    }

    @Override
    public double loss(double[] theta) {
        double[] coordinates = y; // the observation's Qᵀ(θ − w*) when θ is the observed θ (the usual call)
        if (observedVersion != optimumVersion() || !Arrays.equals(theta, thetaSeen)) {
            for (int i = 0; i < dim; i++) diff[i] = theta[i] - optimum[i];
            hessian.toEigenbasis(diff, work);
            coordinates = work;
        }
        double s = 0;
        for (int i = 0; i < dim; i++) s += lambda[i] * coordinates[i] * coordinates[i];
        return 0.5 * s;
    }

    @Override
    public double minLoss() {
        return 0; // L(w*) = 0
    }

    @Override
    public int evidenceWidth(EvidenceKind kind) {
        switch (kind) {
            case NONE:
                return 0;
            case OPTIMUM:
                return dim;
            case LOSS:
                return 1;
            default:
                throw new IllegalArgumentException(
                        "a quadratic stream has no " + kind + " evidence (samples need a linear-regression stream)");
        }
    }

    /** Uses the last {@link #observeGradient} (θ and g must be the ones observed; they are not read). */
    @Override
    public void writeEvidence(EvidenceKind kind, double[] theta, double[] g, double[] out, int offset) {
        if (kind == EvidenceKind.NONE) return;
        if (observedVersion != optimumVersion()) {
            throw new IllegalStateException("evidence must follow observeGradient in the same step");
        }
        if (kind == EvidenceKind.LOSS) {
            double s = 0;
            for (int i = 0; i < dim; i++) s += u[i] * u[i] / lambda[i];
            out[offset] = 0.5 * s; // ½ gᵀH⁻¹g
            return;
        }
        if (kind != EvidenceKind.OPTIMUM)
            throw new IllegalArgumentException("a quadratic stream has no " + kind + " evidence");
        if (optimumEigVersion != optimumVersion()) {
            for (int i = 0; i < dim; i++) diff[i] = optimum[i] - center[i];
            hessian.toEigenbasis(diff, optimumEig);
            optimumEigVersion = optimumVersion();
        }
        for (int i = 0; i < dim; i++) out[offset + i] = optimumEig[i] - sigma * eps[i] / lambda[i]; // Qᵀ(θ − H⁻¹g − c)
    }

    @Override
    public double[] optimumEvidenceNoiseVariance() {
        double[] v = new double[dim];
        for (int i = 0; i < dim; i++) v[i] = sigma * sigma / (lambda[i] * lambda[i]);
        return v;
    }

    @Override
    public double optimumEvidencePriorMean() {
        return hessian.isDiagonal() ? prior().mean() : 0.0;
    }

    @Override
    public void fromOptimumEvidenceCoordinates(double[] e, double[] out) {
        hessian.fromEigenbasis(e, out);
        for (int i = 0; i < dim; i++) out[i] += center[i];
    }

    @Override
    public double[] toOptimumEvidenceCoordinates(double[] w) {
        double[] shifted = new double[dim];
        for (int i = 0; i < dim; i++) shifted[i] = w[i] - center[i];
        double[] out = new double[dim];
        hessian.toEigenbasis(shifted, out);
        return out;
    }
}
