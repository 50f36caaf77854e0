/**
 * One run (DESIGN §9): {@link org.driftlab.core.sim.Learner} (θ, rule, stream, learner-side policies,
 * metrics) and {@link org.driftlab.core.sim.BeliefMonitor} (task belief, belief-driven policies), driven in
 * optimistic chunks with checkpoints and rollback ({@link org.driftlab.core.sim.OptimisticLearner}) by
 * {@link org.driftlab.core.sim.Simulation} and by the cluster's actors. Bit-identical to lockstep for every
 * chunk size (DESIGN §3).
 */
package org.driftlab.core.sim;
