/**
 * Sweep throughput on several local worker JVMs (issue "Performance", multi-node target; DESIGN §9: worker nodes,
 * the coordinator singleton, client submitters; §3: results independent of the number of nodes). {@link
 * org.driftlab.bench.cluster.LocalWorkers} starts W child JVMs of {@code driftlab node} and a client node in this
 * JVM, and never leaves a child behind; {@link org.driftlab.bench.cluster.MultiJvmHarness} times W1 sweeps on them,
 * interleaving the rounds of several worker counts, with the core loop's checksums as the reference. The
 * figure is learner-steps per second = N × steps / round seconds (median over rounds). On a machine with fewer
 * cores than worker JVMs the JVMs share the cores, so the ratio of two worker counts measures the overhead of
 * spreading a sweep over processes (remoting, Kryo, more JIT and GC threads, time slicing), not a speed-up.
 * Front end: {@code driftlab bench jvms}.
 */
package org.driftlab.bench.cluster;
