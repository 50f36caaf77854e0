package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskView;

/**
 * What one step of a quadratic task says about its optimum (DESIGN §6), for the rules that hold a Bayes
 * posterior of w* (ideal observer, switch-aware observer, optimal control with {@code source = belief}):
 * z = θ − H⁻¹g ~ N(w*, σ_g² H⁻²), observed as y = Qᵀz (H = QΛQᵀ), whose coordinates are independent with
 * noise σ_g²/λ_i², under the prior N(μ0·Qᵀ1, σ0² I) (isotropic, so the rotation keeps it so).
 *
 * <p>H, σ_g² and the prior are read from the {@link TaskView} at the first {@link #observe} after construction
 * or {@link #clear()} and assumed fixed afterwards (quadratic streams switch the optimum, not H or σ_g). A
 * {@link GaussianModelSpec} field that is set replaces the stream's value (a given noise-var applies to every
 * coordinate, a given prior-mean to every coordinate of y), as {@code TaskBeliefs} does for the run's belief.
 * Allocates nothing after construction.
 */
final class OptimumEvidence {
    private final int dim;
    private final GaussianModelSpec model;
    private final double[] z;
    private final double[] y;
    private final double[] noise;
    private final double[] priorMean;
    private final double[] ones;
    private double priorVar = 1.0;
    private boolean configured;

    /** For θ of {@code dim} entries; {@code model}'s set fields override the stream's parameters. */
    OptimumEvidence(int dim, GaussianModelSpec model) {
        this.dim = Rules.checkedDim(dim);
        this.model = model;
        this.z = new double[dim];
        this.y = new double[dim];
        this.noise = new double[dim];
        this.priorMean = new double[dim];
        this.ones = new double[dim];
        Arrays.fill(ones, 1.0);
        Arrays.fill(noise, 1.0);
    }

    /**
     * y ← this step's evidence. Returns true when the parameters were (re)read from {@code task} by this call:
     * the caller then restarts its posterior from {@link #priorMean()}, {@link #priorVar()}, {@link #noise()}.
     */
    boolean observe(double[] theta, double[] grad, TaskView task) {
        Hessian h = task.hessian();
        boolean fresh = !configured;
        if (fresh) configure(task, h);
        h.solve(grad, z);
        for (int i = 0; i < dim; i++) z[i] = theta[i] - z[i];
        h.toEigenbasis(z, y);
        return fresh;
    }

    private void configure(TaskView task, Hessian h) {
        if (h.dim() != dim) throw new IllegalArgumentException("task Hessian has dim " + h.dim() + ", rule has " + dim);
        if (model.noiseVar() != null) {
            Arrays.fill(noise, model.noiseVar());
        } else {
            double sigma2 = task.gradientNoiseVariance();
            if (!(sigma2 > 0) || Double.isInfinite(sigma2)) {
                throw new IllegalArgumentException(
                        "the optimum's evidence needs gradient noise variance > 0, got " + sigma2);
            }
            double[] lambda = h.eigenvalues();
            for (int i = 0; i < dim; i++) noise[i] = sigma2 / (lambda[i] * lambda[i]);
        }
        PriorSpec prior = task.prior();
        if (model.priorMean() != null) {
            Arrays.fill(priorMean, model.priorMean());
        } else {
            h.toEigenbasis(ones, priorMean);
            for (int i = 0; i < dim; i++) priorMean[i] *= prior.mean();
        }
        priorVar = model.priorVar() != null ? model.priorVar() : prior.std() * prior.std();
        configured = true;
    }

    /** The latest evidence y (eigenbasis). Do not modify. */
    double[] y() {
        return y;
    }

    /** Noise variance per coordinate of y. Do not modify. */
    double[] noise() {
        return noise;
    }

    /** Prior mean per coordinate of y. Do not modify. */
    double[] priorMean() {
        return priorMean;
    }

    double priorVar() {
        return priorVar;
    }

    /** theta ← Q·mean: a point in y's coordinates back in θ's. */
    void toWeights(double[] mean, TaskView task, double[] theta) {
        task.hessian().fromEigenbasis(mean, theta);
    }

    /** Parameters are read again at the next {@link #observe}. */
    void clear() {
        configured = false;
    }

    void copyStateFrom(OptimumEvidence other) {
        System.arraycopy(other.noise, 0, noise, 0, dim);
        System.arraycopy(other.priorMean, 0, priorMean, 0, dim);
        priorVar = other.priorVar;
        configured = other.configured;
    }
}
