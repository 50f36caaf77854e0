/**
 * A tool beside the product: {@link org.driftlab.experiments.Experiments} writes the tables (docs/results/) and
 * plots (docs/img/) of docs/RESULTS.md from the committed configs' traces and the stores their sweeps wrote.
 * {@link org.driftlab.experiments.Trajectories} (θ(t) of lockstep runs), {@link org.driftlab.experiments.ClosedForms}
 * (the optimal-control rule's λ = √(γ²/4 + ηkh + j(j + γ)) − γ/2 and B = ηkh / (ηkh + j(j + γ)), DESIGN §5) and
 * {@link org.driftlab.experiments.Configs} (the committed configs, optionally with overrides) are shared with the
 * science system tests in src-test, which pin the qualitative facts the write-up reports.
 */
package org.driftlab.experiments;
