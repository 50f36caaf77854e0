package org.driftlab.core.sim;

/**
 * Receives one row per completed step of a run executed in lockstep (see {@link Simulation#run(
 * org.driftlab.core.spec.RunSpec, StepObserver)}), e.g. for {@code driftlab trace}.
 */
@FunctionalInterface
public interface StepObserver {
    /**
     * @param step       the step t (0-based)
     * @param time       t·dt
     * @param task       the task id during step t (see {@link org.driftlab.core.stream.TaskStream#task()})
     * @param loss       L_t(θ_t), the loss at the weights the step started from
     * @param excessLoss L_t(θ_t) − L_t(w*_t)
     * @param pChange    the belief's p_change after consuming step t's evidence; NaN without a belief
     * @param reset      true when a reset took effect before step t (oracle) or right after it
     * @param theta      the weights after step t and any reset after it (θ_{t+1}); valid during the call
     *                   only, must not be modified
     */
    void onStep(
            long step,
            double time,
            int task,
            double loss,
            double excessLoss,
            double pChange,
            boolean reset,
            double[] theta);
}
