/**
 * Estimates of the heap a run and a sweep need, computed from the specs alone before anything is allocated,
 * so that a config too large for the JVM is refused with the estimate instead of ending in an
 * OutOfMemoryError (docs/SCALE.md states the formula).
 */
package org.driftlab.core.footprint;
