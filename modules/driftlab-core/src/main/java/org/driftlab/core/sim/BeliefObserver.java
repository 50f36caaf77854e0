package org.driftlab.core.sim;

/**
 * Receives the task belief's report after each step it consumed (DESIGN §6), e.g. for traces or a
 * run-length heatmap. Called on the run's thread; must not retain or modify anything it is handed.
 */
@FunctionalInterface
public interface BeliefObserver {
    /**
     * @param step           the step (0-based) whose evidence was just consumed
     * @param mapRunLength   the run length with the highest posterior
     * @param meanRunLength  the posterior mean run length
     * @param pChange        p_change(w) for the monitor's window
     */
    void onBelief(long step, int mapRunLength, double meanRunLength, double pChange);
}
