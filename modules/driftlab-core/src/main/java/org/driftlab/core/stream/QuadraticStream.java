package org.driftlab.core.stream;

import org.driftlab.core.random.SeedStreams;

/**
 * Quadratic tasks L(θ) = ½(θ − w*)ᵀH(θ − w*), observed as g = H(θ − w*) + σ_g ε (see {@link TaskStream}).
 * A rotated H = Q diag(λ) Qᵀ draws Q once from {@code TASKS/rotation}.
 */
final class QuadraticStream extends TaskStream {
    private final Hessian hessian;
    private final double sigma;
    private final double[] lambda;
    private final double[] center; // subtracted before rotating the evidence: μ0·1 when rotated, else 0
    private final double[] diff;
    private final double[] work;
    private final double[] work2;

    QuadraticStream(QuadraticStreamSpec spec, SeedStreams seeds) {
        super(spec, seeds);
        this.lambda = spec.spectrum().eigenvalues(dim);
        this.hessian = spec.rotated()
                ? Hessian.rotated(lambda, Orthogonal.random(dim, seeds.stream("TASKS/rotation")))
                : Hessian.diagonal(lambda);
        this.sigma = spec.gradientNoise();
        this.center = new double[dim];
        if (spec.rotated()) java.util.Arrays.fill(center, spec.prior().mean());
        this.diff = new double[dim];
        this.work = new double[dim];
        this.work2 = new double[dim];
    }

    @Override
    public void observeGradient(double[] theta, double[] g) {
        trueGradient(theta, g);
        if (sigma != 0) {
            for (int i = 0; i < dim; i++) g[i] += sigma * noise.nextGaussian();
        }
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
        for (int i = 0; i < dim; i++) diff[i] = theta[i] - optimum[i];
        hessian.toEigenbasis(diff, work);
        double s = 0;
        for (int i = 0; i < dim; i++) s += lambda[i] * work[i] * work[i];
        return 0.5 * s;
    }

    @Override
    public double excessLoss(double[] theta) {
        return loss(theta); // L(w*) = 0
    }

    @Override
    public int evidenceWidth(EvidenceKind kind) {
        switch (kind) {
            case NONE: return 0;
            case OPTIMUM: return dim;
            case LOSS: return 1;
            default: throw new IllegalArgumentException("a quadratic stream has no " + kind + " evidence (samples need a linear-regression stream)");
        }
    }

    @Override
    public void writeEvidence(EvidenceKind kind, double[] theta, double[] g, double[] out, int offset) {
        if (kind == EvidenceKind.NONE) return;
        hessian.toEigenbasis(g, work); // Qᵀg
        if (kind == EvidenceKind.LOSS) {
            double s = 0;
            for (int i = 0; i < dim; i++) s += work[i] * work[i] / lambda[i];
            out[offset] = 0.5 * s; // ½ gᵀH⁻¹g
            return;
        }
        if (kind != EvidenceKind.OPTIMUM) throw new IllegalArgumentException("a quadratic stream has no " + kind + " evidence");
        for (int i = 0; i < dim; i++) diff[i] = theta[i] - center[i];
        hessian.toEigenbasis(diff, work2); // Qᵀ(θ − c)
        for (int i = 0; i < dim; i++) out[offset + i] = work2[i] - work[i] / lambda[i]; // Qᵀ(z − c), z = θ − H⁻¹g
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
    public double[] toOptimumEvidenceCoordinates(double[] w) {
        double[] shifted = new double[dim];
        for (int i = 0; i < dim; i++) shifted[i] = w[i] - center[i];
        double[] out = new double[dim];
        hessian.toEigenbasis(shifted, out);
        return out;
    }
}
