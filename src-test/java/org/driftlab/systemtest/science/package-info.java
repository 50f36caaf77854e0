/**
 * The science experiments of docs/RESULTS.md (the paper's learning-rule results, DESIGN §5, and weight
 * resetting, DESIGN §6–§8) as tests: {@code HorizonTest} and {@code GeometryTest} check traces θ(t) of
 * configs/horizon.conf and configs/geometry.conf against the optimal-control closed forms
 * λ = √(γ²/4 + ηkh + j(j + γ)) − γ/2 and B = ηkh / (ηkh + j(j + γ)) (module driftlab-experiments' {@code
 * Trajectories} and {@code ClosedForms}); {@code ResetVsHazardTest}
 * and {@code RecurringTest} run small slices of configs/reset-vs-hazard.conf and configs/recurring.conf and assert
 * the qualitative facts. {@code LocalSweep} runs a whole sweep in process into a results store. The generator
 * of the write-up's tables and plots is a tool of its own, driftlab-experiments' {@code Experiments}.
 */
package org.driftlab.systemtest.science;
