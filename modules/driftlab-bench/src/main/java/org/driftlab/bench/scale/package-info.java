/**
 * Memory at scale (issue "Performance", target "Scale"; DESIGN §9: in-flight window, passivation of finished
 * entities). {@link org.driftlab.bench.scale.ConcurrentLearnersMeasurement} runs N learners at once on one embedded
 * node (in-flight-per-node = N) and reports throughput, the heap after GC and the retained bytes per
 * concurrent learner; {@link org.driftlab.bench.scale.SweepMemoryMeasurement} runs R short runs through the full
 * actor path with the default window and samples the live heap (and a class histogram) every R/10 runs, to
 * show whether memory grows with R. {@link org.driftlab.bench.scale.HeapWatch} and
 * {@link org.driftlab.bench.scale.HeapHistogram} are the probes; {@code driftlab bench scale} and
 * {@code sweep-memory} run a measurement in a child JVM of a chosen -Xmx ({@link org.driftlab.childjvm.ChildJvm}).
 *
 * <p>What is measured: "live" is the heap used right after a full collection ({@code System.gc()} or the
 * histogram's own), i.e. reachable objects; "peak after GC" is the largest heap occupancy the JVM reported
 * after any collection during the run (GC notifications), an upper bound of the live peak, since a young
 * collection leaves old-generation garbage in place. No equation of DESIGN is computed here.
 */
package org.driftlab.bench.scale;
