/**
 * JMH benchmarks of driftlab's step kernels, one package per subject package of driftlab-core (STYLE C13), plus
 * {@link org.driftlab.bench.CpuTimeProfiler}, a JMH profiler reporting CPU time per operation on a shared machine.
 * Run: {@code java -jar modules/driftlab-bench/target/benchmarks.jar <regex> -prof gc}; figures in docs/PERFORMANCE.md.
 */
package org.driftlab.bench;
