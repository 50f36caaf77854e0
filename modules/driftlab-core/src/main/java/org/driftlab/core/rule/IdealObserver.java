package org.driftlab.core.rule;

import org.driftlab.core.belief.Bocpd;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.TaskBeliefs;
import org.driftlab.core.stream.TaskView;

/**
 * The ideal observer (DESIGN §6): θ is the Bayes posterior mean of the current task optimum under its own
 * Gaussian known-noise BOCPD. Each step forms the evidence z = θ − H⁻¹g ~ N(w*, σ_g² H⁻²), observes
 * y = Qᵀz (noise σ_g²/λ_i² per coordinate, prior N(μ0·Qᵀ1, σ0² I)) and sets θ ← Q·E[Qᵀw* | y_1:t].
 *
 * <p>H, σ_g² and the prior are read from the {@link TaskView} at the first step after build or
 * {@link #reset()} and assumed fixed afterwards ({@link OptimumEvidence}).
 * {@link #step}, {@link #reset} and {@link #copyStateFrom} allocate nothing.
 */
final class IdealObserver implements LearningRule {
    private final IdealObserverSpec spec;
    private final int dim;
    private final OptimumEvidence evidence;
    private final Bocpd belief;
    private final double[] mean;

    IdealObserver(IdealObserverSpec spec, int dim) {
        this.spec = spec;
        this.dim = Rules.checkedDim(dim);
        this.evidence = new OptimumEvidence(dim, GaussianModelSpec.fromStream());
        this.mean = new double[dim];
        // placeholder parameters: replaced from the task at the first step, before any observation
        this.belief = TaskBeliefs.gaussian(
                spec.hazard(),
                spec.pruneTolerance(),
                spec.maxRunLength(),
                evidence.priorMean(),
                evidence.priorVar(),
                evidence.noise());
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void step(double[] theta, double[] grad, TaskView task) {
        Rules.checkLengths(dim, theta, grad);
        if (evidence.observe(theta, grad, task)) {
            belief.resetGaussian(evidence.priorMean(), evidence.priorVar(), evidence.noise());
        }
        belief.observe(evidence.y(), 0);
        belief.posteriorMean(mean);
        evidence.toWeights(mean, task, theta);
    }

    /** The belief inside (read-only use: run-length posterior, p_change). */
    Bocpd belief() {
        return belief;
    }

    @Override
    public void reset() {
        belief.reset();
        evidence.clear();
    }

    /** Only the whole range (a full {@link #reset()}): the run-length posterior is shared by all entries. */
    @Override
    public void resetEntries(int from, int to) {
        if (Rules.wholeRangeOnly(dim, from, to, "the ideal observer's belief")) reset();
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        IdealObserver o = Rules.twin(IdealObserver.class, this, spec, other, r -> r.spec);
        belief.copyStateFrom(o.belief);
        evidence.copyStateFrom(o.evidence);
    }
}
