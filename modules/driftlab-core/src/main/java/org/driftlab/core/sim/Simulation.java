package org.driftlab.core.sim;

import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.spec.RunSpec;

/**
 * Runs one learner to the end in one thread (DESIGN §9): the same {@link Learner} + {@link BeliefMonitor}
 * protocol the cluster's actors use, with optimistic chunks and rollback ({@link OptimisticLearner}): each
 * chunk of K steps keeps checkpoints; when the belief orders a reset at step s inside the chunk, the learner
 * rolls back to the nearest checkpoint, replays to s and applies the reset. The result is bit-identical for
 * every K (and to lockstep, K = 1) apart from {@code wallNanos}.
 */
public final class Simulation {
    /** The node name a locally executed result carries. */
    public static final String LOCAL_NODE = "local";

    private Simulation() {}

    /**
     * Runs {@code spec} in chunks of {@code chunkSize} ≥ 1 steps. Allocates the learner, its checkpoints, the
     * monitor and one evidence buffer of chunkSize × width doubles.
     */
    public static RunResult run(RunSpec spec, int chunkSize) {
        return run(spec, chunkSize, null);
    }

    /**
     * Runs {@code spec} in lockstep (chunks of one step, identical in result to any chunk size) and hands
     * each completed step to {@code observer}: step, time = step·dt, task, loss, excess loss, p_change,
     * reset flag and θ (see {@link StepObserver}).
     */
    public static RunResult run(RunSpec spec, StepObserver observer) {
        return run(spec, observer, null);
    }

    /**
     * As {@link #run(RunSpec, StepObserver)}, also handing the belief's report after each step (MAP and
     * mean run length, p_change) to {@code beliefObserver} (null: none; never called without a belief).
     */
    public static RunResult run(RunSpec spec, StepObserver observer, BeliefObserver beliefObserver) {
        if (observer == null) throw new IllegalArgumentException("observer must be given");
        BeliefMonitor monitor = BeliefMonitor.start(spec);
        monitor.setObserver(beliefObserver);
        return run(spec, 1, observer, monitor);
    }

    private static RunResult run(RunSpec spec, int chunkSize, StepObserver observer) {
        return run(spec, chunkSize, observer, BeliefMonitor.start(spec));
    }

    /** The protocol with a given monitor (tests substitute scripted beliefs). */
    static RunResult run(RunSpec spec, int chunkSize, StepObserver observer, BeliefMonitor monitor) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        long startNanos = System.nanoTime();
        // without belief-ordered resets there is never a rollback, so no checkpoints are kept (same result)
        OptimisticLearner run = OptimisticLearner.start(spec, chunkSize, monitor.mayOrder());
        Learner learner = run.learner();
        double[] evidence = new double[Math.multiplyExact(chunkSize, Math.max(1, learner.evidenceWidth()))];
        while (!learner.finished()) {
            long start = learner.nextStep();
            int ran = run.runChunk(evidence);
            ResetOrder order = monitor.consume(start, ran, evidence);
            if (order != null) run.rollBack(order, evidence);
            if (observer != null && ran > 0) {
                observer.onStep(
                        start,
                        start * spec.dt(),
                        learner.lastTask(),
                        learner.lastLoss(),
                        learner.lastExcessLoss(),
                        monitor.lastPChange(),
                        learner.lastStepReset(),
                        learner.theta());
            }
        }
        return learner.result(System.nanoTime() - startNanos, LOCAL_NODE);
    }
}
