package org.driftlab.core.stream;

import org.driftlab.core.random.SeedStreams;

/**
 * Linear regression tasks (see {@link LinearRegressionStreamSpec}): each step draws B samples x ~ N(0, I),
 * y = w*·x + σ_y ε from NOISE (per sample: x_1 … x_d, then ε) and observes the gradient of the minibatch
 * loss ½·mean((θ·x − y)²). The recorded loss is the expected loss ½|θ − w*|² + ½σ_y² (excess ½|θ − w*|²).
 * As a {@link TaskView}: H = I (the expected loss's Hessian), the true gradient θ − w*, and per-coordinate
 * gradient noise variance σ_y²/B (the minibatch gradient's variance at θ = w*; away from w* it is larger).
 */
final class LinearRegressionStream extends TaskStream {
    private final int batch;
    private final double sigmaY;
    private final Hessian identity;
    private final double[] x; // B×d row-major
    private final double[] y; // B
    private double minibatchLoss;

    LinearRegressionStream(LinearRegressionStreamSpec spec, SeedStreams seeds) {
        super(spec, seeds);
        this.batch = spec.batch();
        this.sigmaY = spec.targetNoise();
        double[] ones = new double[dim];
        java.util.Arrays.fill(ones, 1.0);
        this.identity = Hessian.diagonal(ones);
        this.x = new double[batch * dim];
        this.y = new double[batch];
    }

    /** A twin (see {@link TaskStream#twin()}); its state is set by the caller. */
    LinearRegressionStream(LinearRegressionStream other) {
        super(other);
        this.batch = other.batch;
        this.sigmaY = other.sigmaY;
        this.identity = other.identity;
        this.x = new double[batch * dim];
        this.y = new double[batch];
    }

    @Override
    public void observeGradient(double[] theta, double[] g) {
        for (int b = 0; b < batch; b++) {
            int row = b * dim;
            double target = 0;
            for (int i = 0; i < dim; i++) {
                double xi = noise.nextGaussian();
                x[row + i] = xi;
                target += optimum[i] * xi;
            }
            y[b] = target + sigmaY * noise.nextGaussian();
        }
        gradientOnBatch(theta, g);
    }

    /** The same minibatch (x, y) at θ. */
    @Override
    public void reobserveGradient(double[] observedTheta, double[] theta, double[] g) {
        gradientOnBatch(theta, g);
    }

    /** g ← ∇ of the minibatch's MSE at θ, and its loss; the batch is the last one drawn. */
    private void gradientOnBatch(double[] theta, double[] g) {
        java.util.Arrays.fill(g, 0.0);
        double lossSum = 0;
        for (int b = 0; b < batch; b++) {
            int row = b * dim;
            double prediction = 0;
            for (int i = 0; i < dim; i++) prediction += theta[i] * x[row + i];
            double r = prediction - y[b];
            lossSum += r * r;
            for (int i = 0; i < dim; i++) g[i] += r * x[row + i];
        }
        for (int i = 0; i < dim; i++) g[i] /= batch;
        minibatchLoss = 0.5 * lossSum / batch;
    }

    @Override
    public void trueGradient(double[] theta, double[] out) {
        for (int i = 0; i < dim; i++) out[i] = theta[i] - optimum[i];
    }

    @Override
    public Hessian hessian() {
        return identity;
    }

    @Override
    public double gradientNoiseVariance() {
        return sigmaY * sigmaY / batch;
    }

    @Override
    public double loss(double[] theta) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            double d = theta[i] - optimum[i];
            s += d * d;
        }
        return 0.5 * s + minLoss();
    }

    @Override
    public double minLoss() {
        return 0.5 * sigmaY * sigmaY; // the target noise no weights can fit
    }

    @Override
    public int evidenceWidth(EvidenceKind kind) {
        switch (kind) {
            case NONE:
                return 0;
            case LOSS:
                return 1;
            case SAMPLES:
                return batch * (dim + 1);
            case SNAPSHOT_RESIDUAL:
                return 1;
            default:
                throw new IllegalArgumentException("a linear-regression stream has no " + kind
                        + " evidence (z = θ − H⁻¹g is not a stationary observation of w* here: use the"
                        + " linear-regression or normal-gamma observation model)");
        }
    }

    @Override
    public void writeEvidence(EvidenceKind kind, double[] theta, double[] g, double[] out, int offset) {
        switch (kind) {
            case NONE:
                return;
            case LOSS:
                out[offset] = minibatchLoss;
                return;
            case SAMPLES:
                for (int b = 0; b < batch; b++) {
                    int dst = offset + b * (dim + 1);
                    System.arraycopy(x, b * dim, out, dst, dim);
                    out[dst + dim] = y[b];
                }
                return;
            case SNAPSHOT_RESIDUAL: {
                double r = 0;
                for (int b = 0; b < batch; b++) {
                    double prediction = 0;
                    for (int i = 0; i < dim; i++) prediction += theta[i] * x[b * dim + i];
                    r += prediction - y[b];
                }
                out[offset] = r / batch;
                return;
            }
            default:
                throw new IllegalArgumentException("a linear-regression stream has no " + kind + " evidence");
        }
    }
}
