package org.driftlab.core.reset;

import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.belief.TaskFilter;

/**
 * Recall over K recurring tasks (needs the HMM task filter). Belief side: when a task k other than the
 * assumed one has posterior &gt; τ (the most probable such k), orders a switch of weights from the assumed
 * task to k, and assumes k from then on (task 0 first). Learner side: keeps θ as the assumed task's weights
 * and loads those kept for k (θ₀ when none were kept yet). State: the kept weights (K×d, preallocated).
 */
final class RecallPolicy extends AbstractResetPolicy {
    private final double tau;
    private final double[][] kept;
    private final boolean[] hasKept;
    private int assumedTask; // belief side

    RecallPolicy(RecallSpec spec, ResetContext context) {
        super(spec, context);
        int tasks = context.recurringTasks();
        if (tasks < 2) throw new IllegalArgumentException("recall needs a markov stream with >= 2 tasks, got " + tasks);
        this.tau = spec.tau();
        this.kept = new double[tasks][context.theta0().length];
        this.hasKept = new boolean[tasks];
    }

    @Override
    public ResetOrder onBelief(long step, double pChange, TaskBelief belief) {
        if (!(belief instanceof TaskFilter filter))
            throw new IllegalArgumentException("recall needs a task filter (hmm belief)");
        int best = -1;
        double bestP = tau;
        for (int k = 0; k < filter.tasks(); k++) {
            if (k == assumedTask) continue;
            double pk = filter.taskProbability(k);
            if (pk > bestP) {
                best = k;
                bestP = pk;
            }
        }
        if (best < 0) return null;
        ResetOrder order = new ResetOrder(step, 1.0, assumedTask, best);
        assumedTask = best;
        return order;
    }

    /**
     * Keeps θ as the weights of the order's assumed task, then loads those kept for its recalled task (the
     * initial weights when none were kept yet). Modifies {@code theta}.
     */
    @Override
    public void apply(ResetOrder order, double[] theta) {
        int assumed = order.assumedTask();
        int recalled = order.recallTask();
        if (assumed < 0 || assumed >= kept.length || recalled < 0 || recalled >= kept.length || assumed == recalled) {
            throw new IllegalArgumentException(
                    "recall needs two distinct tasks in [0, " + kept.length + "), got " + assumed + " -> " + recalled);
        }
        System.arraycopy(theta, 0, kept[assumed], 0, theta.length);
        hasKept[assumed] = true;
        System.arraycopy(hasKept[recalled] ? kept[recalled] : theta0(), 0, theta, 0, theta.length);
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        super.copyStateFrom(other);
        RecallPolicy o = (RecallPolicy) other;
        if (o.kept.length != kept.length)
            throw new IllegalArgumentException("cannot copy the state of a recall policy over another K");
        for (int k = 0; k < kept.length; k++) System.arraycopy(o.kept[k], 0, kept[k], 0, kept[k].length);
        System.arraycopy(o.hasKept, 0, hasKept, 0, hasKept.length);
        assumedTask = o.assumedTask;
    }
}
