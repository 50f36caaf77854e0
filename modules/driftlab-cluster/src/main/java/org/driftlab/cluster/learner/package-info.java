/**
 * One run as a sharded actor (DESIGN §9, §3): {@link org.driftlab.cluster.learner.LearnerEntity} (entity id
 * = runId) owns the core {@code Learner}; its co-located child
 * {@link org.driftlab.cluster.learner.TaskBeliefActor} owns the {@code BeliefMonitor}.
 *
 * <p>Optimistic chunked execution with rollback, as in Time Warp simulation: at the start of a chunk the
 * entity copies its learner into a snapshot (a second learner of the same spec, one {@code copyStateFrom}),
 * runs up to K steps, and sends a copy of the chunk's evidence to the belief actor. The belief consumes it
 * step by step and answers with the first reset it orders (at step s) or none. With none, the chunk stands.
 * With a reset the entity restores the snapshot, replays steps chunkStart … s (the same steps, so the same
 * evidence, bit for bit), applies the reset, and starts the next chunk at s + 1, where the belief, having
 * stopped right after s, resumes. Every step is therefore computed with the weights lockstep (K = 1)
 * execution would have, and the result equals {@code Simulation.run(spec, 1)} bit for bit whatever K.
 *
 * <p>No logic here reads a wall clock (wall time is only measured for {@code RunResult.wallNanos}). A stopped
 * entity (rebalance, node shutdown) loses its run; the coordinator re-dispatches it and it restarts from step
 * 0, which by determinism gives the identical result.
 */
package org.driftlab.cluster.learner;
