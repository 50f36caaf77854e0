/**
 * One run as a sharded actor (DESIGN §9, §3): {@link org.driftlab.cluster.learner.LearnerEntity} (entity id
 * = runId) owns the core {@code Learner}; its co-located child
 * {@link org.driftlab.cluster.learner.TaskBeliefActor} owns the {@code BeliefMonitor}.
 *
 * <p>Optimistic chunked execution with rollback, as in Time Warp simulation, through the core
 * {@code OptimisticLearner}: the entity runs up to K steps, keeping a checkpoint (a second learner of the same
 * spec, one {@code copyStateFrom}) before every M steps of the chunk, and lends the chunk's evidence buffer to
 * the belief actor (no copy: the entity does not touch the buffer until the verdict arrives, and the belief
 * keeps no reference after answering). The belief consumes it step by step and answers with the first reset
 * it orders (at step s) or none. With none, the chunk stands. With a reset the entity restores the nearest
 * checkpoint at or before s + 1, replays the steps from it to s (the same steps, so the same evidence, bit for
 * bit), applies the reset, and starts the next chunk at s + 1, where the belief, having stopped right after s,
 * resumes. Every step is therefore computed with the weights lockstep (K = 1) execution would have, and the
 * result equals {@code Simulation.run(spec, 1)} bit for bit whatever K.
 *
 * <p>No logic here reads a wall clock (wall time is only measured for {@code RunResult.wallNanos}). A stopped
 * entity (rebalance, node shutdown) loses its run; the coordinator re-dispatches it and it restarts from step
 * 0, which by determinism gives the identical result.
 */
package org.driftlab.cluster.learner;
