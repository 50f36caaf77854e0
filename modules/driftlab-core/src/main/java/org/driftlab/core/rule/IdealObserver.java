package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskView;

/**
 * The ideal observer (DESIGN §6): θ is the Bayes posterior mean of the current task optimum under its own
 * Gaussian known-noise BOCPD. Each step forms the evidence z = θ − H⁻¹g ~ N(w*, σ_g² H⁻²), observes
 * y = Qᵀz (noise σ_g²/λ_i² per coordinate, prior N(μ0·Qᵀ1, σ0² I)) and sets θ ← Q·E[Qᵀw* | y_1:t].
 *
 * <p>H, σ_g² and the prior are read from the {@link TaskView} at the first step after build or
 * {@link #reset()} and assumed fixed afterwards (quadratic streams switch the optimum, not H or σ_g).
 * {@link #step}, {@link #reset} and {@link #copyStateFrom} allocate nothing.
 */
final class IdealObserver implements LearningRule {
    private final IdealObserverSpec spec;
    private final int dim;
    private final Bocpd belief;
    private final double[] z;
    private final double[] y;
    private final double[] mean;
    private final double[] noise;
    private final double[] priorMean;
    private final double[] ones;
    private boolean configured;

    IdealObserver(IdealObserverSpec spec, int dim) {
        this.spec = spec;
        this.dim = Rules.checkedDim(dim);
        this.z = new double[dim];
        this.y = new double[dim];
        this.mean = new double[dim];
        this.noise = new double[dim];
        this.priorMean = new double[dim];
        this.ones = new double[dim];
        Arrays.fill(ones, 1.0);
        Arrays.fill(noise, 1.0);
        // placeholder parameters: replaced from the task at the first step, before any observation
        this.belief = TaskBeliefs.gaussian(spec.hazard(), spec.pruneTolerance(), spec.maxRunLength(), priorMean, 1.0, noise);
    }

    @Override public int dim() { return dim; }

    @Override
    public void step(double[] theta, double[] grad, TaskView task) {
        Rules.checkLengths(dim, theta, grad);
        Hessian h = task.hessian();
        if (!configured) configure(task, h);
        h.solve(grad, z);
        for (int i = 0; i < dim; i++) z[i] = theta[i] - z[i];
        h.toEigenbasis(z, y);
        belief.observe(y, 0);
        belief.posteriorMean(mean);
        h.fromEigenbasis(mean, theta);
    }

    private void configure(TaskView task, Hessian h) {
        if (h.dim() != dim) throw new IllegalArgumentException("task Hessian has dim " + h.dim() + ", rule has " + dim);
        double sigma2 = task.gradientNoiseVariance();
        if (!(sigma2 > 0) || Double.isInfinite(sigma2)) {
            throw new IllegalArgumentException("ideal observer needs gradient noise variance > 0, got " + sigma2);
        }
        double[] lambda = h.eigenvalues();
        for (int i = 0; i < dim; i++) noise[i] = sigma2 / (lambda[i] * lambda[i]);
        PriorSpec prior = task.prior();
        h.toEigenbasis(ones, priorMean);
        for (int i = 0; i < dim; i++) priorMean[i] *= prior.mean();
        belief.resetGaussian(priorMean, prior.std() * prior.std(), noise);
        configured = true;
    }

    /** The belief inside (read-only use: run-length posterior, p_change). */
    Bocpd belief() {
        return belief;
    }

    @Override
    public void reset() {
        belief.reset();
        configured = false;
    }

    /** Only the whole range (a full {@link #reset()}): the run-length posterior is shared by all entries. */
    @Override
    public void resetEntries(int from, int to) {
        Rules.checkRange(dim, from, to);
        if (from == to) return;
        if (from != 0 || to != dim) {
            throw new UnsupportedOperationException("the ideal observer's belief is joint over all " + dim
                    + " entries: it cannot reset entries [" + from + ", " + to + ") alone");
        }
        reset();
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        IdealObserver o = Rules.twin(IdealObserver.class, this, spec, other, r -> r.spec);
        belief.copyStateFrom(o.belief);
        System.arraycopy(o.noise, 0, noise, 0, dim);
        System.arraycopy(o.priorMean, 0, priorMean, 0, dim);
        configured = o.configured;
    }
}
