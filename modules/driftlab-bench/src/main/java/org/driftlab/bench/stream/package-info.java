/** JMH benchmarks of the task streams (DESIGN §4): the quadratic stream's gradient observation, diagonal and rotated H. */
package org.driftlab.bench.stream;
