/**
 * Report plots (DESIGN §10) drawn with XChart, written as PNG and SVG, headless ({@code java.awt.headless=true}):
 * <ul>
 *   <li>binned loss over steps per condition: the mean over the condition's non-diverged runs at each bin centre
 *       (b + ½)·steps/bins, with its 95% Student-t band (DESIGN §8), and the true switch times of one chosen run
 *       marked as dashed vertical lines;</li>
 *   <li>switch-aligned mean excess loss L_t(θ_t) − L_t(w*_t) against the lag l = 0..L steps after a true switch,
 *       per condition, with bands;</li>
 *   <li>a metric against one swept parameter, one line per combination of the other varying parameters
 *       (e.g. mean excess loss against hazard, one line per reset policy), 95% intervals as error bars; a
 *       logarithmic x axis when the values are positive and span more than a factor 20.</li>
 * </ul>
 * The run-length posterior heatmap of DESIGN §10 needs a per-step belief trace that the store does not keep; it
 * is left out until the trace is stored.
 */
package org.driftlab.results.plot;
