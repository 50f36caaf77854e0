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
 *   <li>the run-length posterior heatmap of one BOCPD run ({@link org.driftlab.results.plot.RunLengthHeatmap}):
 *       P(r_t = r | x_1:t) (DESIGN §6) against step t and run length r on a log colour scale, from a re-simulation
 *       of the stored run ({@link org.driftlab.results.replay.RunReplay}), with its true switches and resets
 *       marked.</li>
 * </ul>
 */
package org.driftlab.results.plot;
