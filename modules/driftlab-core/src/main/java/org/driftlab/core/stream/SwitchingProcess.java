package org.driftlab.core.stream;

/**
 * A switching process at run time (DESIGN §4), built by {@link SwitchSpec#newProcess()}. It holds no state of
 * its own: the task, the optimum and the generators it draws from are the {@link TaskStream}'s, so copying a
 * stream copies the process's state and one process may serve a stream and its twins. Allocates nothing.
 */
public interface SwitchingProcess {
    /**
     * Performs what happens before step {@code step} ≥ 1 of {@code stream}: a switch (a new task begun through
     * the stream) or a move of the optimum. Returns true when the task switched.
     */
    boolean beforeStep(long step, TaskStream stream);

    /** True when the optimum moves between steps without a switch (every step's cache of w* is stale). */
    default boolean movesOptimum() {
        return false;
    }

    /** K recurring tasks whose optima are drawn once (markov), else 0. */
    default int recurringTasks() {
        return 0;
    }
}
