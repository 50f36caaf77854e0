package org.driftlab.core.belief;

/**
 * A task belief over K known recurring tasks (DESIGN §6, HMM task filter): the posterior over which task is
 * current, used by the {@code recall} policy. Same confinement and allocation rules as {@link TaskBelief}.
 */
public interface TaskFilter extends TaskBelief {
    /** K, the number of known tasks. */
    int tasks();

    /** P(task_t = k | x_1:t), k in [0, K); the uniform prior 1/K before the first observation. */
    double taskProbability(int k);

    /** The task with the highest posterior (the lowest index among ties). */
    int mapTask();

    /**
     * E[r_t | task_t = k, x_1:t]: the posterior mean run length (steps, ≥ 1 once observing, the current step
     * counted) of task k were it current now, so the estimated change point of a switch to k is t − (this − 1).
     * A filter that does not track when a task began answers 1 (the change taken at the current step).
     */
    default double meanRunLength(int task) {
        return 1;
    }
}
