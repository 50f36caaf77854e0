/**
 * JMH benchmarks of the task-belief kernels (DESIGN §6): the BOCPD step for each observation model (Gaussian
 * known noise, Normal–Gamma, Bayesian linear regression) on representative switching evidence, the Gaussian
 * step's flop rate against jblas dgemv of the same shape, and the jblas-vs-loop crossover of that product.
 */
package org.driftlab.bench.belief;
