/**
 * Learning rules (DESIGN §5): an immutable, validated {@link org.driftlab.core.rule.RuleSpec} and the stateful
 * {@link org.driftlab.core.rule.LearningRule} it builds ({@code newRule(dim, dt)}, the only place a rule
 * allocates). A rule updates θ in place from the observed gradient g; it owns its state (moments, step count,
 * filter), which {@code reset()} returns to the freshly built values and {@code copyStateFrom} copies.
 *
 * <p>Equations (α = lr; PyTorch semantics where PyTorch defines the rule, operation for operation):
 * <ul>
 *   <li><b>sgd</b>: θ ← θ − α g.</li>
 *   <li><b>momentum</b> (dampening 0): b ← μ b + g (b ← g on the first step after build or reset);
 *       θ ← θ − α b; <b>nesterov</b>: θ ← θ − α (g + μ b).</li>
 *   <li><b>rmsprop</b> (no momentum, not centered): v ← α_s v + (1 − α_s) g²; θ ← θ − α g / (√v + ε).</li>
 *   <li><b>adam</b>: with weight decay λ coupled, g ← g + λθ; m ← β1 m + (1 − β1) g (as torch.lerp);
 *       v ← β2 v + (1 − β2) g²; θ ← θ − (α / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε), t the rule's own
 *       step count. <b>adamw</b>: θ ← θ (1 − α λ) first (decoupled), g unchanged.</li>
 *   <li><b>ballistic</b>: v ← β2 v + (1 − β2) g², v₀ = 0, no bias correction; θ ← θ − α g / √(v + ε).</li>
 *   <li><b>natural-gradient</b>: θ ← θ − α (F + δI)⁻¹ g. F fixed diagonal or dense G (Cholesky of G + δI once),
 *       the task Hessian QΛQᵀ ((H + δI)⁻¹ = Q(Λ + δ)⁻¹Qᵀ), or F ← βF + (1 − β) g gᵀ (F₀ = 0) with an
 *       in-place Cholesky of F + δI each step. A failed factorisation sets θ to NaN (divergence), never throws.</li>
 *   <li><b>optimal-control</b>: the exact optimal flow over Δt = dt of
 *       J = ∫ e^{−γt} [(1/2η)|θ̇ − f(θ)|²_G + k L̂(θ)] dt with f(θ) = −jθ and the quadratic belief (m, V).
 *       In mode coordinates y = Uᵀ G^{1/2} θ, where G^{−1/2} V G^{−1/2} = U diag(h) Uᵀ and m_y = Uᵀ G^{−1/2} m:
 *       <pre>
 *   c = ηk h + j(j + γ),  λ = √(γ²/4 + c) − γ/2,  B = ηk h / c,  μ_y = y − m_y / h,
 *   y(Δt) = Bμ_y + (y − Bμ_y) e^{−λΔt},   θ ← θ + G^{−1/2} U (y(Δt) − y).
 *       </pre>
 *       For j = 0 (B = 1): Δθ = −(I − e^{−RΔt}) V⁻¹ m with R = (γ²/4 I + ηk V)^{1/2} − (γ/2) I (G = I).
 *       Limits: γ ≫ 1 → gradient descent with step ηkΔt/γ; γ = 0 → R = √(ηk) V^{1/2} (ballistic);
 *       Δt → ∞ → Newton, Δθ = −V⁻¹m; j > 0 settles at Bμ, short of the minimum μ. Belief sources:
 *       oracle (m = ∇L(θ), V = H), observed (m = g, V = H), filtered (per coordinate, a = rate, q = processVar,
 *       r = noiseVar; m₀ = 0, P₀ = q, v₀ = 0):
 *       <pre>
 *   m ← (1 − a) m,  P ← (1 − a)² P + (1 − (1 − a)²) q,  K = P / (P + r),  m ← m + K (g − m),  P ← (1 − K) P,
 *   v ← β2 v + (1 − β2) g²,  V = diag(max(v, eps)).
 *       </pre>
 *       belief (the run's BOCPD, gaussian model): m = H(θ − E[w* | z_1:t]), V = H, the mixture posterior mean
 *       E[w* | z_1:t] = Σ_r P(r_t = r) μ_r, so the rule steers toward the Bayes estimate and "resets" by itself.</li>
 *   <li><b>ideal-observer</b>: θ ← E[w* | z_1:t] under its own BOCPD on the evidence z = θ − H⁻¹g.</li>
 *   <li><b>switch-aware-observer</b>: θ ← (1 − ρ) E[w* | z since the latest true switch] + ρ μ0 (conjugate
 *       Gaussian per eigen-coordinate): the Bayes prediction of the next optimum given the switch times.</li>
 * </ul>
 * All rules are confined to one learner; {@code step}, {@code reset} and {@code copyStateFrom} allocate nothing.
 */
package org.driftlab.core.rule;
