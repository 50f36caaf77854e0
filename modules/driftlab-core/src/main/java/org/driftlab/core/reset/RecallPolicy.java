package org.driftlab.core.reset;

import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.belief.TaskFilter;

/**
 * Recall over K recurring tasks (needs the HMM task filter). Belief side: when a task k other than the
 * assumed one has posterior &gt; τ (the most probable such k), orders a switch of weights from the assumed
 * task to k, and assumes k from then on (task 0 first); the order carries the filter's estimate of how many
 * steps ago k began (round(E[r_t | task_t = k]) − 1, DESIGN §7). Learner side: keeps, as the assumed task's
 * weights, θ from before the first update on the new task (the weights at the estimated change point, at
 * most {@link #MAX_REWIND} steps back and never before the previous recall), and loads those kept for k (θ₀
 * when none were kept yet). State: the kept weights (K×d) and the weights each of the last MAX_REWIND + 1
 * steps started from (a ring, (MAX_REWIND + 1)×d), both preallocated.
 */
final class RecallPolicy extends AbstractResetPolicy {
    /**
     * The furthest back (steps) the kept weights are taken. The HMM's detection lags in experiment 5 are a
     * few steps; a longer run-length estimate means the filter wavered between tasks, and weights from that far
     * back are no better a checkpoint.
     */
    static final int MAX_REWIND = 100;

    private final double tau;
    private final double[][] kept;
    private final boolean[] hasKept;
    private final double[][] history; // history[t mod (MAX_REWIND + 1)]: θ that step t's update started from
    private long lastLoad = -1; // step of the last recall carried out (learner side)
    private int assumedTask; // belief side

    RecallPolicy(RecallSpec spec, ResetContext context) {
        super(spec, context);
        int tasks = context.recurringTasks();
        if (tasks < 2) throw new IllegalArgumentException("recall needs a markov stream with >= 2 tasks, got " + tasks);
        this.tau = spec.tau();
        this.kept = new double[tasks][context.theta0().length];
        this.hasKept = new boolean[tasks];
        this.history = new double[MAX_REWIND + 1][context.theta0().length];
    }

    /** Records θ_step, the weights step {@code step} starts from; never resets. */
    @Override
    public boolean beforeStep(long step, boolean switched, double[] theta) {
        System.arraycopy(theta, 0, history[slot(step)], 0, theta.length);
        return false;
    }

    private static int slot(long step) {
        return (int) (step % (MAX_REWIND + 1));
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
        long rewind = Math.round(filter.meanRunLength(best)) - 1;
        ResetOrder order =
                new ResetOrder(step, 1.0, assumedTask, best, null, (int) Math.max(0, Math.min(rewind, step)));
        assumedTask = best;
        return order;
    }

    /**
     * Keeps the weights of the order's estimated change point (step − rewind, capped as in the class comment;
     * θ itself when the rewind is 0) as those of its assumed task, then loads those kept for its recalled task
     * (the initial weights when none were kept yet). {@code theta} must be θ at the order's step, recorded by
     * {@link #beforeStep}. Modifies {@code theta}.
     */
    @Override
    public void apply(ResetOrder order, double[] theta) {
        int assumed = order.assumedTask();
        int recalled = order.recallTask();
        if (assumed < 0 || assumed >= kept.length || recalled < 0 || recalled >= kept.length || assumed == recalled) {
            throw new IllegalArgumentException(
                    "recall needs two distinct tasks in [0, " + kept.length + "), got " + assumed + " -> " + recalled);
        }
        long step = order.step();
        long rewind = Math.min(Math.min(order.rewind(), MAX_REWIND), lastLoad < 0 ? step : step - lastLoad);
        System.arraycopy(rewind == 0 ? theta : history[slot(step - rewind)], 0, kept[assumed], 0, theta.length);
        hasKept[assumed] = true;
        System.arraycopy(hasKept[recalled] ? kept[recalled] : theta0(), 0, theta, 0, theta.length);
        // step's update starts from the loaded weights: a later recall rewinds no further than them
        System.arraycopy(theta, 0, history[slot(step)], 0, theta.length);
        lastLoad = step;
    }

    @Override
    public void copyStateFrom(ResetPolicy other) {
        super.copyStateFrom(other);
        RecallPolicy o = (RecallPolicy) other;
        if (o.kept.length != kept.length)
            throw new IllegalArgumentException("cannot copy the state of a recall policy over another K");
        for (int k = 0; k < kept.length; k++) System.arraycopy(o.kept[k], 0, kept[k], 0, kept[k].length);
        System.arraycopy(o.hasKept, 0, hasKept, 0, hasKept.length);
        for (int t = 0; t < history.length; t++) System.arraycopy(o.history[t], 0, history[t], 0, history[t].length);
        lastLoad = o.lastLoad;
        assumedTask = o.assumedTask;
    }
}
