/** JMH benchmarks of the learning rules' step (DESIGN §5): element-wise rules, natural gradient, optimal control. */
package org.driftlab.bench.rule;
