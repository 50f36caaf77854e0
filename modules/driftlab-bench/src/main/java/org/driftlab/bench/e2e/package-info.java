/**
 * End-to-end workloads and timings (issue "Performance"): {@link org.driftlab.bench.e2e.Workloads} builds the
 * reference runs W1, W1-dense and W1-scalar (DESIGN §4–§7: quadratic stream, Adam, BOCPD §6, belief-threshold
 * reset §7); {@link org.driftlab.bench.e2e.CoreLoopHarness} times N learners through
 * {@code Simulation.run} (the chunked protocol of §9) on one thread and on a pool;
 * {@link org.driftlab.bench.e2e.ActorPathHarness} the same runs through the cluster's actor path, and
 * {@link org.driftlab.bench.e2e.PathComparison} runs the three paths in paired rounds with a rotating order (the
 * {@code driftlab bench} command); {@code W1StepBench} is the JMH
 * view of one reference step and its split into rule and belief. Figures: docs/PERFORMANCE.md.
 */
package org.driftlab.bench.e2e;
