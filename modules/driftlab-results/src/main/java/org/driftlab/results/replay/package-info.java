/**
 * Re-simulating stored runs (DESIGN §3, §10): a stored run is found in its sweep's stored config text (parsed
 * again with {@link org.driftlab.core.spec.SweepLoader#parse}), re-run deterministically and checked against the
 * stored metrics before anything derived from the re-run (the run-length posterior P(r_t = r | x_1:t) of
 * DESIGN §6 for the report's heatmap) is shown. A re-run that does not reproduce the stored scalars or switch
 * and reset steps is an error ({@link org.driftlab.results.replay.ReplayMismatchException}), never a plot of
 * some other run.
 */
package org.driftlab.results.replay;
