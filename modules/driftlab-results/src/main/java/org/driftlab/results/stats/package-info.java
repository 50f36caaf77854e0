/**
 * Statistics across the seeds of a condition (DESIGN §8), mergeable so that runs split over any number of nodes,
 * accumulated in any order, give the same numbers (bit-identical).
 *
 * <p>For the n defined values x₁..xₙ of a metric (NaN values are undefined and counted apart), an accumulator
 * keeps the multiset of values (the median needs it in any case) and merging two is multiset union. The
 * statistics are computed from the sorted multiset: mean x̄ = Σxᵢ/n with a compensated sum;
 * M₂ = Σ(xᵢ − x̄)² − (Σ(xᵢ − x̄))²/n (corrected two-pass); sd = √(M₂/(n − 1)); se = sd/√n; the 95% confidence
 * interval x̄ ± t₀.₉₇₅(n − 1)·se with the Student-t quantile of Apache Commons Statistics; the median (mean of the two
 * middle values when n is even). Sorting first makes every statistic bit-identical for any split and merge
 * order (stronger than Welford/Chan updates, whose merged results differ in the last bits and lose ~1e-11
 * relative accuracy on values with a large common offset). Memory is O(n) per metric and condition.
 * n = 1 leaves sd, se and the interval NaN; n = 0 leaves everything NaN. Curves are summarised index by
 * index the same way (CI bands).
 *
 * <p>This package is the one place statistics are computed (the store holds runs only; {@code export --table
 * stats} writes what it computes). Beyond the per-condition summaries: a diverged run is left out of the mean
 * but enters {@code medianWithDiverged} as +∞, so a condition never looks better for losing its worst runs;
 * {@link org.driftlab.results.stats.PairedComparison} compares conditions with a baseline on paired seeds
 * (paired t, Holm-corrected); {@link org.driftlab.results.stats.BestValue} gives the argmin of a swept
 * parameter a seeded bootstrap interval over seeds.
 */
package org.driftlab.results.stats;
