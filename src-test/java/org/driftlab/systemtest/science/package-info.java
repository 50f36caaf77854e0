/**
 * The science experiments of docs/RESULTS.md (the paper's learning-rule results, DESIGN §5, and weight
 * resetting, DESIGN §6–§8) as tests and tools: {@code HorizonTest} and {@code GeometryTest} check traces θ(t) of
 * configs/horizon.conf and configs/geometry.conf against the optimal-control closed forms
 * λ = √(γ²/4 + ηkh + j(j + γ)) − γ/2 and B = ηkh / (ηkh + j(j + γ)) ({@code ClosedForms}); {@code ResetVsHazardTest}
 * and {@code RecurringTest} run small slices of configs/reset-vs-hazard.conf and configs/recurring.conf and assert
 * the qualitative facts. {@code LocalSweep} runs a whole sweep in process into a results store;
 * {@code Experiments} writes the write-up's tables (docs/results/) and plots (docs/img/).
 */
package org.driftlab.systemtest.science;
