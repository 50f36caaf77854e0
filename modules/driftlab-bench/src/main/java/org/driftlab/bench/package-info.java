/**
 * The bench, a tool beside the product: JMH benchmarks of driftlab's step kernels (the classes named {@code *Bench}),
 * one package per subject package of driftlab-core (STYLE C13), plus {@link org.driftlab.bench.CpuTimeProfiler}, a
 * JMH profiler reporting CPU time per operation on a shared machine; and the end-to-end harnesses and measurements
 * behind {@code driftlab bench} ({@link org.driftlab.bench.cli.BenchCommand}, the bench jar's entry point).
 * Both are in {@code modules/driftlab-bench/target/driftlab-bench.jar}, which the launcher builds and runs for
 * {@code ./driftlab bench ...}; JMH: {@code java -cp modules/driftlab-bench/target/driftlab-bench.jar
 * org.openjdk.jmh.Main <regex> -prof gc}. Figures live in docs/PERFORMANCE.md.
 */
package org.driftlab.bench;
