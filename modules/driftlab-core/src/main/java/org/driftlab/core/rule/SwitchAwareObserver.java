package org.driftlab.core.rule;

import java.util.Arrays;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.stream.TaskView;

/**
 * The switch-aware observer ({@link SwitchAwareObserverSpec}): after step t, θ is the Bayes prediction of the
 * optimum of step t + 1 given the evidence y_s = Qᵀz_s of the steps s since the current task began
 * ({@link TaskView#taskStart()}) and the hazard ρ of a switch before step t + 1; each coordinate is conjugate
 * Gaussian:
 * <pre>
 *   E[y*_i | y_{start..t}] = (m0_i / v0 + Σ_s y_{s,i} / n_i) / (1 / v0 + k / n_i),   k = t − start + 1
 *   θ = Q ((1 − ρ) E[y* | y_{start..t}] + ρ m0)
 * </pre>
 * with m0, v0 the prior mean and variance and n_i the noise variance per coordinate ({@link OptimumEvidence}),
 * the same prediction the ideal observer's BOCPD makes when its run-length posterior is certain.
 * The evidence of the switch step itself is the new task's, so the step after a switch already uses it; the
 * switch step's loss is paid at the old task's posterior mean, as for any causal learner. reset() forgets the
 * evidence (the posterior restarts from the prior at the next step). Allocates nothing after construction.
 */
final class SwitchAwareObserver implements LearningRule {
    private final SwitchAwareObserverSpec spec;
    private final double hazard;
    private final int dim;
    private final OptimumEvidence evidence;
    private final double[] sum;
    private final double[] mean;
    private long count;
    private long start = -1;

    SwitchAwareObserver(SwitchAwareObserverSpec spec, int dim) {
        this.spec = spec;
        this.hazard = spec.hazard();
        this.dim = Rules.checkedDim(dim);
        this.evidence = new OptimumEvidence(dim, GaussianModelSpec.fromStream());
        this.sum = new double[dim];
        this.mean = new double[dim];
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void step(double[] theta, double[] grad, TaskView task) {
        Rules.checkLengths(dim, theta, grad);
        evidence.observe(theta, grad, task);
        long taskStart = task.taskStart();
        if (taskStart != start) {
            Arrays.fill(sum, 0.0);
            count = 0;
            start = taskStart;
        }
        double[] y = evidence.y();
        double[] noise = evidence.noise();
        double[] m0 = evidence.priorMean();
        double v0 = evidence.priorVar();
        count++;
        for (int i = 0; i < dim; i++) {
            sum[i] += y[i];
            double posterior = (m0[i] / v0 + sum[i] / noise[i]) / (1 / v0 + count / noise[i]);
            mean[i] = (1 - hazard) * posterior + hazard * m0[i];
        }
        evidence.toWeights(mean, task, theta);
    }

    @Override
    public void reset() {
        Arrays.fill(sum, 0.0);
        count = 0;
        start = -1;
        evidence.clear();
    }

    /** Only the whole range (a full {@link #reset()}): the evidence is taken in the Hessian's joint eigenbasis. */
    @Override
    public void resetEntries(int from, int to) {
        if (Rules.wholeRangeOnly(dim, from, to, "the switch-aware observer's posterior")) reset();
    }

    @Override
    public void copyStateFrom(LearningRule other) {
        SwitchAwareObserver o = Rules.twin(SwitchAwareObserver.class, this, spec, other, r -> r.spec);
        evidence.copyStateFrom(o.evidence);
        System.arraycopy(o.sum, 0, sum, 0, dim);
        count = o.count;
        start = o.start;
    }
}
